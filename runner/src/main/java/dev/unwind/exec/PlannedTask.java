package dev.unwind.exec;

import dev.unwind.playbook.Escalation;
import dev.unwind.playbook.Role;
import dev.unwind.playbook.Task;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task with everything its blocks, includes and roles gave it: their conditions (all must hold), their
 * variables (outermost first), become and tags; the innermost role (whose folder holds its files) and the defaults
 * of the roles around it; the environment its commands see, in layers (outermost first, the innermost winning);
 * whether a failure of it ends the play everywhere (any_errors_fatal on its play or a block around it); the looped
 * include it runs in, or null; whether it is a handler.
 */
record PlannedTask(Task task, List<String> when, List<Map<String, Object>> vars, Escalation escalation, Set<String> tags,
                   BlockPart part, Role role, List<Map<String, Object>> defaults, List<Map<String, Object>> environment,
                   boolean anyErrorsFatal, IncludeLoop includeLoop, boolean handler) {

    /** The same task, as one of the play's handlers. */
    PlannedTask asHandler() {
        return new PlannedTask(task, when, vars, escalation, tags, part, role, defaults, environment, anyErrorsFatal, includeLoop, true);
    }

    /** The name Ansible's banner shows: "role : task" inside a role. */
    String shownLabel() {
        return role == null ? task.label() : role.name() + " : " + task.label();
    }
}
