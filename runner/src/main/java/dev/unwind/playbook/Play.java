package dev.unwind.playbook;

import dev.unwind.input.Position;

import java.nio.file.Path;
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
 * @param reach    connection variables its keywords set (remote_user is ansible_user...), below the hosts' own
 * @param prompts  its vars_prompt, asked before the run
 * @param forceHandlers handlers notified before a failure that stops the run still run ({@code force_handlers})
 * @param dir      the folder of the playbook the play is written in (an imported one's own): its paths are relative to it
 */
public record Play(Position position, String name, String hosts, Map<String, Object> vars, List<String> varsFiles,
                   boolean gatherFacts, Escalation escalation, List<String> serial, List<TaskNode> tasks,
                   OnFailure onFailure, boolean anyErrorsFatal, Integer maxFailPercentage, boolean forceHandlers, List<String> tags,
                   List<TaskNode> handlers, List<Role> roles,
                   Map<String, Object> environment, Map<String, Object> reach, List<VarsPrompt> prompts, Path dir) {

    /**
     * The play as {@code import_playbook} brings it in: the import's tags added, its vars below the play's own, its
     * conditions holding for every task.
     */
    public Play imported(Map<String, Object> importVars, List<String> importTags, List<String> when) {
        Map<String, Object> v = new java.util.LinkedHashMap<>(importVars);
        v.putAll(vars);
        List<String> t = new java.util.ArrayList<>(importTags);
        t.addAll(tags);
        List<TaskNode> guarded = when.isEmpty() ? tasks
                : List.of(new Block(position, null, tasks, when, Map.of(), Escalation.INHERIT, java.util.Set.of(), List.of(), List.of()));
        return new Play(position, name, hosts, v, varsFiles, gatherFacts, escalation, serial, guarded, onFailure,
                anyErrorsFatal, maxFailPercentage, forceHandlers, t, handlers, roles, environment, reach, prompts, dir);
    }
}
