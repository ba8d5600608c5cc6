/**
 * Tests on the real-node lab ({@link dev.unwind.lab.swarm.SwarmLab}), held for a test class by
 * {@link dev.unwind.testing.swarm.SwarmLabExtension}: the lab itself, MKE 3's contracts, and the upgrade.
 */
package dev.unwind.testing.swarm;
