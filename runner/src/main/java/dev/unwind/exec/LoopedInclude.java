package dev.unwind.exec;

import dev.unwind.playbook.Play;
import dev.unwind.playbook.Playbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A looped include: its tasks, together, once per item; each host has its own items (rendered with its variables),
 * a host out of items waits for the others. The loop variable is the host's for the iteration, then taken back.
 */
final class LoopedInclude {
    /** One planned task on the hosts given, as the batch runs it; null: go on. */
    @FunctionalInterface
    interface TaskStep {
        RunResult run(PlannedTask pt, Set<String> active, Rescues rescues, int number, int total);
    }

    private final RunParts p;
    private final HostTaskRunner runner;
    private final Playbook playbook;
    private final Play play;

    LoopedInclude(RunParts parts, HostTaskRunner runner, Playbook playbook, Play play) {
        this.p = parts;
        this.runner = runner;
        this.playbook = playbook;
        this.play = play;
    }

    RunResult run(List<PlannedTask> scope, Set<String> active, Rescues rescues, int number, int total, TaskStep task) {
        IncludeLoop loop = scope.get(0).includeLoop();
        Map<String, List<Object>> items = new LinkedHashMap<>();
        for (String host : List.copyOf(active)) {
            try {
                items.put(host, runner.loopItems(scope.get(0), loop.loop(), "include_tasks",
                        p.taskVars().of(host, playbook, scope.get(0))));
            } catch (RuntimeException e) {
                String why = "the loop of the include at " + scope.get(0).task().position() + " on " + host + ": " + e.getMessage();
                p.state().failed(why);
                return p.ending().failed(play, why);
            }
        }
        int most = items.values().stream().mapToInt(List::size).max().orElse(0);
        Set<String> bound = new LinkedHashSet<>();
        try {
            for (int index = 0; index < most; index++) {
                int i = index;
                Set<String> these = Collections.synchronizedSet(new LinkedHashSet<>());
                items.forEach((host, list) -> {
                    if (i < list.size() && active.contains(host)) {
                        these.add(host);
                        // the item under its loop_var, the index, ansible_loop: what a task's loop binds
                        new LoopIteration(list, i, loop.loop().control()).bound().forEach((name, value) -> {
                            p.hostVariables().register(host, name, value);
                            bound.add(name);
                        });
                    }
                });
                for (int t = 0; t < scope.size(); t++) {
                    RunResult ended = task.run(scope.get(t), these, rescues, number + t, total);
                    // a host that failed (or ended) in the iteration leaves the play, as after any task
                    items.keySet().stream().filter(h -> i < items.get(h).size() && !these.contains(h)).forEach(active::remove);
                    if (ended != null) {
                        return ended;
                    }
                }
            }
        } finally {
            items.keySet().forEach(host -> bound.forEach(name -> p.hostVariables().unregister(host, name)));
        }
        return null;
    }
}
