/**
 * A run on disk: {@code $UNWIND_HOME/runs/<run-id>/} (mode 0700) holding {@code run.log}, the
 * {@code journal.jsonl} and the {@code backups/} an undo needs, all mode 0600.
 */
package dev.unwind.run;
