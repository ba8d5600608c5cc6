package dev.unwind.mke.preflight;

/**
 * The verdict of one pre-upgrade check.
 *
 * @param fix what to do when it failed; null when it passed
 */
public record CheckResult(String check, boolean passed, String reason, String fix) {

    public static CheckResult pass(String check, String reason) {
        return new CheckResult(check, true, reason, null);
    }

    public static CheckResult fail(String check, String reason, String fix) {
        return new CheckResult(check, false, reason, fix);
    }
}
