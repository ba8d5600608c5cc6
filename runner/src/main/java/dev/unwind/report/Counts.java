package dev.unwind.report;

/**
 * A host's tally: {@code ok} counts tasks that ended without change; {@code changed} the others; {@code rescued} the
 * blocks whose rescue took over from a failure.
 */
public record Counts(int ok, int changed, int failed, int skipped, int unreachable, int ignored, int rescued) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(ok + o.ok, changed + o.changed, failed + o.failed, skipped + o.skipped, unreachable + o.unreachable,
                ignored + o.ignored, rescued + o.rescued);
    }

    public Counts add(String status, boolean wasIgnored) {
        if (wasIgnored) {
            return new Counts(ok, changed, failed, skipped, unreachable, ignored + 1, rescued);
        }
        return switch (status) {
            case "ok" -> new Counts(ok + 1, changed, failed, skipped, unreachable, ignored, rescued);
            case "changed" -> new Counts(ok, changed + 1, failed, skipped, unreachable, ignored, rescued);
            case "failed" -> new Counts(ok, changed, failed + 1, skipped, unreachable, ignored, rescued);
            case "skipped" -> new Counts(ok, changed, failed, skipped + 1, unreachable, ignored, rescued);
            case "unreachable" -> new Counts(ok, changed, failed, skipped, unreachable + 1, ignored, rescued);
            case "rescued" -> new Counts(ok, changed, failed, skipped, unreachable, ignored, rescued + 1);
            default -> this;
        };
    }
}
