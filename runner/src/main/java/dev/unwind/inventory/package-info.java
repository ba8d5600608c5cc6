/**
 * Inventories as Ansible reads them: the sources people already have (INI, YAML/JSON, directories,
 * scripts, vaulted files, comma host lists, and the Mirantis tools' host files) become hosts and
 * groups; {@link dev.unwind.inventory.Inventory} resolves host patterns, {@code --limit} and each
 * host's merged variables with ansible-core 2.14's rules, and {@link dev.unwind.inventory.InventoryListing}
 * prints what {@code ansible-inventory} prints.
 */
package dev.unwind.inventory;
