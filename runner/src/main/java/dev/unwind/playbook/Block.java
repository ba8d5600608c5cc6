package dev.unwind.playbook;

import dev.unwind.input.Position;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tasks sharing conditions, variables, become and tags (also what an include or import becomes). */
public record Block(Position position, String name, List<TaskNode> tasks, List<String> when,
                    Map<String, Object> vars, Escalation escalation, Set<String> tags) implements TaskNode {
}
