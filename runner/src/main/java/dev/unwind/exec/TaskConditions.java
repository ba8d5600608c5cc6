package dev.unwind.exec;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.playbook.Task;
import dev.unwind.template.Templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's conditions on one host: {@code when} (its blocks' included) before it runs; {@code changed_when},
 * {@code failed_when} and {@code until}, judged on what its module returned (the result in scope as {@code result}
 * and under its register name); and what {@code register:} stores.
 */
record TaskConditions(Templates templates, Task task) {

    /** Skipped when one of the conditions is false with these variables; null when all hold. */
    static HostOutcome skipped(Templates templates, List<String> when, Map<String, Object> vars) {
        for (String condition : when) {
            if (!templates.test(condition, vars)) {
                return new HostOutcome("skipped", false, "condition is false: " + condition,
                        Map.of("skipped", true, "changed", false, "skip_reason", "conditional result was false"));
            }
        }
        return null;
    }

    /** The outcome as changed_when and failed_when make it; a skipped outcome stays skipped. */
    Outcome applied(Outcome o, Map<String, Object> result, Map<String, Object> vars) {
        if (task.changedWhen() == null && task.failedWhen() == null) {
            return o;
        }
        Map<String, Object> scope = TaskUndo.scope(task, vars, result);
        Outcome out = o;
        if (task.changedWhen() != null && o.status() != Status.SKIPPED && o.status() != Status.FAILED) {
            out = out.withStatus(templates.test(task.changedWhen(), scope) ? Status.CHANGED : Status.OK);
        }
        if (task.failedWhen() != null && o.status() != Status.SKIPPED) {
            boolean failed = templates.test(task.failedWhen(), scope);
            if (failed) {
                out = new Outcome(Status.FAILED, "failed_when held: " + task.failedWhen(), out.result(), out.diff(), out.undo());
            } else if (out.failed()) {
                out = out.withStatus(Status.OK);
            }
        }
        return out;
    }

    boolean untilHolds(Map<String, Object> result, Map<String, Object> vars) {
        return templates.test(task.until(), TaskUndo.scope(task, vars, result));
    }

    /** What {@code register:} stores: the module's result plus changed/failed/skipped/msg. */
    static Map<String, Object> registered(Outcome o) {
        Map<String, Object> r = new LinkedHashMap<>(o.result());
        r.put("changed", o.changed());
        r.put("failed", o.failed());
        r.put("skipped", o.status() == Status.SKIPPED);
        if (o.msg() != null) {
            r.putIfAbsent("msg", o.msg());
        }
        return r;
    }
}
