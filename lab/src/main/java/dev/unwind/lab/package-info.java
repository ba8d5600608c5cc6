/**
 * A simulated MKE 3 cluster that needs nothing installed ({@link dev.unwind.lab.LabCluster}): SSH nodes on
 * loopback addresses whose commands run in per-node sandboxes with stand-ins for docker, k0s, sudo and ss;
 * the UCP API; the new cluster's Kubernetes API; an inventory to run playbooks against it; snapshots of
 * the whole lab to compare before and after a run; and a check that nothing outside the lab changed.
 */
package dev.unwind.lab;
