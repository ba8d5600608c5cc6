package dev.unwind.exec;

import java.util.Locale;

/** How a run ended, as the journal's {@code end} entry and the recap name it (in lower case). */
public enum RunStatus {
    /** Every task ended ok, changed or skipped (or failed with ignore_errors). */
    OK,
    /** A task failed and nothing of the run was left to unwind (check mode, unwind_host, a failure before any change). */
    FAILED,
    /** A task failed and every change was unwound. */
    UNWOUND,
    /** A task failed and {@code on_failure: stop} kept the changes for {@code unwind rollback}. */
    STOPPED,
    /** Something could not be unwound (or was past the point of no return): the journal names what is left. */
    UNWIND_INCOMPLETE,
    /** Ctrl-C or SIGTERM, after unwinding. */
    INTERRUPTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
