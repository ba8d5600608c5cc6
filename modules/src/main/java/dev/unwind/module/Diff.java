package dev.unwind.module;

/** A content change, shown with {@code --diff}. */
public record Diff(String path, String before, String after) {

    public String unified() {
        return UnifiedDiff.render(path, before == null ? "" : before, after == null ? "" : after);
    }
}
