package dev.unwind.cli;

/** unwind's exit codes (DESIGN.md). */
final class ExitCode {
    static final int OK = 0;
    static final int INTERNAL = 1;
    static final int FAILED_UNWOUND = 2;
    static final int UNWIND_INCOMPLETE = 3;
    static final int UNREACHABLE = 4;
    static final int INVALID_INPUT = 5;
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
