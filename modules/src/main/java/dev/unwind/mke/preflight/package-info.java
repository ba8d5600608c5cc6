/**
 * Pre-upgrade checks of an MKE 3 cluster: pure functions from facts already gathered (version,
 * configuration, nodes, ports, the controller's kubeconfig) to a verdict per check with its reason and fix.
 * Nothing here connects anywhere, so every check is tested on plain values.
 */
package dev.unwind.mke.preflight;
