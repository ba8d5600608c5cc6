/**
 * {@code git}, and {@code restore_checkout}, the internal module its automatic undo calls: a clone it made is removed,
 * an updated checkout is put back on the commit and branch it was on (local modifications discarded with force are
 * applied again from a stash commit kept for the run), and its {@code .git} as it was: refs, reflogs, index and the
 * rest from a tar kept in the run's backups, the object store without what the update fetched.
 */
package dev.unwind.module.vcs;
