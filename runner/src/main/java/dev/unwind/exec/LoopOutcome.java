package dev.unwind.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of a looped task on one host, gathered as Ansible registers them: {@code results} (each with the
 * variables its turn bound: the item under its loop_var, the index, {@code ansible_loop}), changed if any item
 * changed, failed if any failed, skipped if every item was (or there were none).
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
    boolean add(LoopIteration turn, HostOutcome one) {
        Object item = turn.item();
        Map<String, Object> r = new LinkedHashMap<>(one.result());
        r.putAll(turn.bound());
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
        reg.put("skipped", allSkipped);
        reg.put("msg", failed ? "one or more items failed" : results.isEmpty() ? "No items in the list" : "all items completed");
        if (diffs.length() > 0) {
            reg.put("__diff", diffs.toString());
        }
        if (unreachable != null) {
            return new HostOutcome("unreachable", false, unreachable, reg);
        }
        // no items at all is skipped too, as in Ansible
        String status = failed ? "failed" : allSkipped ? "skipped" : changed ? "changed" : "ok";
        return new HostOutcome(status, failed && ignoreErrors, failed ? firstFailure : results.size() + " item(s)", reg);
    }
}
