/**
 * Modules that look at a host and change nothing: {@code getent} (the system's databases, as facts) and
 * {@code find} (files by name, type, size and age). They need no undo and run in check mode as they always do.
 */
package dev.unwind.module.lookup;
