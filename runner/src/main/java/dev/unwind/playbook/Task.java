package dev.unwind.playbook;

import dev.unwind.input.Position;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One task: a module call and the keywords around it. Conditions are FreeMarker expressions
 * ({@code when} entries must all hold).
 *
 * @param loop       the task's loop, or null
 * @param checkMode  null: follow {@code --check}; false: always run for real; true: always predict
 * @param undo       the explicit undo, or null when the module's own (or none needed)
 * @param timeout    seconds, or null
 * @param notifies   the handlers (names or listen topics) to run when this task changes a host
 * @param listen     for a handler: the topics it also answers to
 * @param placement  delegate_to, delegate_facts, run_once, throttle ({@link Placement#NONE} without them)
 * @param environment variables every command of the task sees (values may be ${...})
 */
public record Task(Position position, String name, String module, Map<String, Object> args,
                   List<String> when, String register, Loop loop, String until, int retries, double delay,
                   String changedWhen, String failedWhen, boolean ignoreErrors, Set<String> tags, Boolean checkMode,
                   boolean noLog, Map<String, Object> vars, UndoSpec undo, boolean pointOfNoReturn,
                   Escalation escalation, Integer timeout, List<String> notifies, List<String> listen,
                   Placement placement, Map<String, Object> environment) implements TaskNode {

    /** The name shown to users: the task's name, or its module. */
    public String label() {
        return name != null ? name : module;
    }
}
