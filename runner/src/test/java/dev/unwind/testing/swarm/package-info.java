/**
 * A lab of real MKE 3-like nodes for tests: containers from the image {@code lab/node-image/build.sh} makes, each
 * with systemd as init, its own sshd and host keys, and its own Docker engine; the engines joined into a real
 * Swarm and running stand-in {@code ucp-*} containers under MKE 3.8's names. {@link dev.unwind.testing.swarm.SwarmLab}
 * is the JUnit 5 extension that starts and always stops one; it hands out an unwind inventory, a client key and a
 * known_hosts file for its nodes, and cuts or restores a node's network.
 */
package dev.unwind.testing.swarm;
