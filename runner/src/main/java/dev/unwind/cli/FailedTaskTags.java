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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Watches a run for the tags of the tasks that failed on a host (ignored failures aside). */
final class FailedTaskTags implements Reporter {
    private final Map<String, Set<String>> tagsAt = new HashMap<>();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private volatile Set<String> current = Set.of();

    FailedTaskTags(Playbook playbook) {
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
        }
    }

    boolean failed(UpgradeTag tag) {
        return failed.contains(tag.tag());
    }
}
