package dev.unwind.cli;

import dev.unwind.playbook.Block;
import dev.unwind.playbook.Play;
import dev.unwind.playbook.Playbook;
import dev.unwind.playbook.Task;
import dev.unwind.playbook.TaskNode;
import dev.unwind.report.Event;
import dev.unwind.report.Reporter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches a run for what its tagged tasks did: which tags a task that failed on a host carried (ignored failures
 * aside), and what a tagged {@code debug} task showed first.
 */
final class TaggedTasks implements Reporter {
    private final Map<String, Set<String>> tagsAt = new HashMap<>();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final Map<String, String> shown = new ConcurrentHashMap<>();
    private volatile Set<String> current = Set.of();

    TaggedTasks(Playbook playbook) {
        for (Play play : playbook.plays()) {
            collect(play.tasks());
        }
    }

    private void collect(List<TaskNode> nodes) {
        for (TaskNode node : nodes) {
            if (node instanceof Task t) {
                tagsAt.put(t.position().toString(), t.tags());
            } else if (node instanceof Block b) {
                collect(b.tasks());
            }
        }
    }

    @Override
    public void on(Event event) {
        // the linear strategy: a task's host results come after its start and before the next task's
        if (event instanceof Event.TaskStarted e) {
            current = tagsAt.getOrDefault(e.at(), Set.of());
        } else if (event instanceof Event.HostResult e && e.status().equals("failed") && !e.ignored()) {
            failed.addAll(current);
        } else if (event instanceof Event.Shown e) {
            current.forEach(tag -> shown.putIfAbsent(tag, e.text()));
        }
    }

    boolean failed(UpgradeTag tag) {
        return failed.contains(tag.tag());
    }

    /** What the first {@code debug} task with this tag showed, if one ran. */
    Optional<String> shown(UpgradeTag tag) {
        return Optional.ofNullable(shown.get(tag.tag()));
    }
}
