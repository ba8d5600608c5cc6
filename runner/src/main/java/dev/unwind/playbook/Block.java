package dev.unwind.playbook;

import dev.unwind.input.Position;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tasks sharing conditions, variables, become and tags (also what an include or import becomes). With {@code rescue},
 * the block is a transaction: when one of its tasks fails on a host, that host's changes inside the block are unwound,
 * then {@code rescue} runs there; {@code always} runs on every host either way. A role's tasks are a block whose
 * {@code role} is set: its vars are the role's vars and parameters, its tasks find their files in the role's folder.
 * {@code any_errors_fatal} on a block makes a failure of its tasks end the play on every host, whatever on_failure says.
 * {@code loop} (an include_tasks or include_role with a loop) runs its tasks once per item, each host with its own items.
 * {@code include} marks what include_tasks or include_role became: as in Ansible, its own tags decide whether the
 * include runs at all (an include --tags does not select runs nothing, not even its {@code always} tasks) and are
 * not inherited by its tasks, which --tags then judges by their own tags and those of the blocks around the include.
 * An import's tags, a block's, a role's are inherited.
 */
public record Block(Position position, String name, List<TaskNode> tasks, List<String> when,
                    Map<String, Object> vars, Escalation escalation, Set<String> tags,
                    List<TaskNode> rescue, List<TaskNode> always, Role role, Map<String, Object> environment,
                    boolean anyErrorsFatal, Loop loop, boolean include) implements TaskNode {

    /** A block that is no include. */
    public Block(Position position, String name, List<TaskNode> tasks, List<String> when, Map<String, Object> vars,
                 Escalation escalation, Set<String> tags, List<TaskNode> rescue, List<TaskNode> always, Role role,
                 Map<String, Object> environment, boolean anyErrorsFatal, Loop loop) {
        this(position, name, tasks, when, vars, escalation, tags, rescue, always, role, environment, anyErrorsFatal, loop, false);
    }

    /** This block as what include_tasks or include_role made (see {@code include}). */
    public Block asInclude() {
        return new Block(position, name, tasks, when, vars, escalation, tags, rescue, always, role, environment, anyErrorsFatal, loop, true);
    }

    /** A block that is no role's body and sets no environment. */
    public Block(Position position, String name, List<TaskNode> tasks, List<String> when, Map<String, Object> vars,
                 Escalation escalation, Set<String> tags, List<TaskNode> rescue, List<TaskNode> always) {
        this(position, name, tasks, when, vars, escalation, tags, rescue, always, null, Map.of(), false, null);
    }
}
