/**
 * Test fixtures: a module context on the local host, snapshots of directory trees to compare before and after, and
 * {@code ansible -m setup} as the oracle for unwind's facts.
 */
package dev.unwind.module.testing;
