/**
 * Undo, the heart of unwind. Every change a task makes is appended to the run's {@link
 * dev.unwind.undo.Journal} (fsync'd before the next task starts on that host) with its fully rendered
 * undo; the {@link dev.unwind.undo.Unwinder} walks the journal back, task by task in reverse, hosts in
 * parallel; {@code unwind rollback} does the same from the journal alone after a crash.
 */
package dev.unwind.undo;
