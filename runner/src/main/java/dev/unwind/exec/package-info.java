/**
 * The executor: plays to batches ({@code serial}) to tasks to hosts (in parallel up to forks), with
 * Ansible's linear strategy. It renders, runs modules, journals every change with its undo before the
 * host's next task, and on failure or Ctrl-C hands the journal to the {@link dev.unwind.undo.Unwinder}.
 */
package dev.unwind.exec;
