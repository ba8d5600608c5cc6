package dev.unwind.module;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end of a module run on one host.
 *
 * @param result becomes the registered variable (plus {@code changed}, {@code failed}, {@code msg})
 * @param diff   the content change, or null
 * @param undo   the module's own inverse of what it changed (or would change, in check mode), or null
 */
public record Outcome(Status status, String msg, Map<String, Object> result, Diff diff, Undo undo) {

    public Outcome {
        result = result == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(result));
    }

    public static Outcome ok(String msg) {
        return new Outcome(Status.OK, msg, Map.of(), null, null);
    }

    public static Outcome ok(String msg, Map<String, Object> result) {
        return new Outcome(Status.OK, msg, result, null, null);
    }

    public static Outcome changed(String msg, Map<String, Object> result, Diff diff, Undo undo) {
        return new Outcome(Status.CHANGED, msg, result, diff, undo);
    }

    public static Outcome skipped(String msg) {
        return new Outcome(Status.SKIPPED, msg, Map.of(), null, null);
    }

    public static Outcome failed(String msg) {
        return new Outcome(Status.FAILED, msg, Map.of(), null, null);
    }

    public static Outcome failed(String msg, Map<String, Object> result) {
        return new Outcome(Status.FAILED, msg, result, null, null);
    }

    public boolean changed() {
        return status == Status.CHANGED;
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    public Outcome withStatus(Status s) {
        return new Outcome(s, msg, result, diff, undo);
    }

    public Outcome withUndo(Undo u) {
        return new Outcome(status, msg, result, diff, u);
    }

    public Outcome withResult(Map<String, Object> r) {
        return new Outcome(status, msg, r, diff, undo);
    }
}
