package dev.unwind.report;

/** A host's tally: {@code ok} counts tasks that ended without change; {@code changed} the others. */
public record Counts(int ok, int changed, int failed, int skipped, int unreachable, int ignored) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

    public Counts add(String status, boolean wasIgnored) {
        if (wasIgnored) {
            return new Counts(ok, changed, failed, skipped, unreachable, ignored + 1);
        }
        return switch (status) {
            case "ok" -> new Counts(ok + 1, changed, failed, skipped, unreachable, ignored);
            case "changed" -> new Counts(ok, changed + 1, failed, skipped, unreachable, ignored);
            case "failed" -> new Counts(ok, changed, failed + 1, skipped, unreachable, ignored);
            case "skipped" -> new Counts(ok, changed, failed, skipped + 1, unreachable, ignored);
            case "unreachable" -> new Counts(ok, changed, failed, skipped, unreachable + 1, ignored);
            default -> this;
        };
    }
}
