package dev.unwind.exec;

import dev.unwind.playbook.Escalation;
import dev.unwind.playbook.Task;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task with everything its blocks and includes gave it: their conditions (all must hold), their
 * variables (outermost first), become and tags.
 */
record PlannedTask(Task task, List<String> when, List<Map<String, Object>> vars, Escalation escalation, Set<String> tags,
                   BlockPart part) {
}
