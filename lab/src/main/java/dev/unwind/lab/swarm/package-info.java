/**
 * The real-node lab: containers from the image {@code lab/node-image/build.sh} makes, each with systemd as init, its
 * own sshd and host keys, and its own Docker engine; the engines joined into a real Swarm running MKE 3's components
 * under MKE 3.8's names — ucp-kv a real etcd with TLS, ucp-kube-apiserver a real kube-apiserver on it, the rest
 * stand-ins that follow Mirantis' documentation (docs/lab-contract.md). {@link dev.unwind.lab.swarm.SwarmLab} starts
 * and stops one and hands out an unwind inventory, a client key, a known_hosts file and MKE 3's Kubernetes.
 */
package dev.unwind.lab.swarm;
