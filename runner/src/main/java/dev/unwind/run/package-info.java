/**
 * A run on disk: {@code $UNWIND_HOME/runs/<run-id>/} (mode 0700) holding {@code run.log}, the
 * {@code journal.jsonl}, the {@code backups/} an undo needs and the {@code lock} held by the run or its
 * rollback ({@link dev.unwind.run.RunLock}), all mode 0600.
 */
package dev.unwind.run;
