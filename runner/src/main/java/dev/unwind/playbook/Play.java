package dev.unwind.playbook;

import dev.unwind.input.Position;

import java.util.List;
import java.util.Map;

/**
 * One play.
 *
 * @param serial   batch sizes (numbers or percentages such as "30%"); empty means all hosts at once
 * @param tasks    pre_tasks, tasks and post_tasks, each section followed by a flush of the handlers when there are any
 * @param handlers the play's handlers (role handlers are blocks of them), in the order they run
 * @param roles    the roles whose defaults and vars the whole play sees, in the order they were taken in
 * @param environment what every command of the play sees, unless a block or task says otherwise
 */
public record Play(Position position, String name, String hosts, Map<String, Object> vars, List<String> varsFiles,
                   boolean gatherFacts, Escalation escalation, List<String> serial, List<TaskNode> tasks,
                   OnFailure onFailure, boolean anyErrorsFatal, Integer maxFailPercentage, List<String> tags,
                   List<TaskNode> handlers, List<Role> roles,
                   Map<String, Object> environment) {
}
