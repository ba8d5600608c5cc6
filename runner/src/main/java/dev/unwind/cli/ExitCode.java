package dev.unwind.cli;

/** unwind's exit codes (DESIGN.md). */
final class ExitCode {
    static final int OK = 0;
    static final int INTERNAL = 1;
    /** unwind convert: the converted files are written, and some of them need hand work. */
    static final int NEEDS_HAND_WORK = 1;
    static final int FAILED_UNWOUND = 2;
    static final int UNWIND_INCOMPLETE = 3;
    static final int UNREACHABLE = 4;
    static final int INVALID_INPUT = 5;
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }

    /** A run's exit code: what it left decides, then whether a host was unreachable. */
    static int of(dev.unwind.exec.RunResult r) {
        return switch (r.status()) {
            case OK -> OK;
            case INTERRUPTED -> INTERRUPTED;
            case UNWIND_INCOMPLETE, STOPPED -> UNWIND_INCOMPLETE;
            case FAILED, UNWOUND -> r.unreachable() ? UNREACHABLE : FAILED_UNWOUND;
        };
    }
}
