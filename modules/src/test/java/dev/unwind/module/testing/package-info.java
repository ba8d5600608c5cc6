/** Test fixtures: a module context on the local host, and snapshots of directory trees to compare before and after. */
package dev.unwind.module.testing;
