package dev.unwind.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of a looped task on one host, gathered as Ansible registers them: {@code results} (each with its
 * {@code item}), changed if any item changed, failed if any failed, skipped only if every item was.
 */
final class LoopOutcome {
    private final List<Object> results = new ArrayList<>();
    private final StringBuilder diffs = new StringBuilder();
    private boolean changed;
    private boolean failed;
    private boolean allSkipped = true;
    private String unreachable;
    private String firstFailure;

    /** Adds one item's outcome; false when the loop must stop here (the host was lost). */
    boolean add(Object item, HostOutcome one) {
        Map<String, Object> r = new LinkedHashMap<>(one.result());
        r.put("item", item);
        if (r.get("__diff") != null) {
            diffs.append(r.remove("__diff"));
        }
        results.add(r);
        changed |= one.status().equals("changed");
        allSkipped &= one.status().equals("skipped");
        if (one.status().equals("unreachable")) {
            unreachable = one.msg();
            return false;
        }
        if (one.status().equals("failed")) {
            failed = true;
            firstFailure = firstFailure == null ? "item " + item + ": " + one.msg() : firstFailure;
        }
        return true;
    }

    HostOutcome outcome(boolean ignoreErrors) {
        Map<String, Object> reg = new LinkedHashMap<>();
        reg.put("results", results);
        reg.put("changed", changed);
        reg.put("failed", failed);
        reg.put("msg", failed ? "one or more items failed" : "all items completed");
        if (diffs.length() > 0) {
            reg.put("__diff", diffs.toString());
        }
        if (unreachable != null) {
            return new HostOutcome("unreachable", false, unreachable, reg);
        }
        String status = failed ? "failed" : allSkipped && !results.isEmpty() ? "skipped" : changed ? "changed" : "ok";
        return new HostOutcome(status, failed && ignoreErrors, failed ? firstFailure : results.size() + " item(s)", reg);
    }
}
