/**
 * YAML read the way Ansible reads it: YAML 1.1 implicit types exactly as PyYAML resolves them
 * ({@code yes} is true, {@code 0644} is 420, {@code 1e3} stays a string), merge keys, anchors,
 * {@code !vault} and {@code !unsafe}, duplicate keys (the last wins), and the YAML inventory format
 * ({@code all}/{@code hosts}/{@code vars}/{@code children}) with every node's file:line:column.
 */
package dev.unwind.inventory.yaml;
