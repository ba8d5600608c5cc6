/**
 * The MKE modules a playbook calls: {@code mke3_facts} reads an MKE 3 cluster, {@code mke3_preflight}
 * checks it can be upgraded, {@code mke_config} converts its configuration, {@code mke_identity} and
 * {@code mke_rbac} carry its users and permissions into MKE 4k. Each is a thin adapter from task
 * arguments to the pure libraries in {@code dev.unwind.mke.*}.
 */
package dev.unwind.module.mke;
