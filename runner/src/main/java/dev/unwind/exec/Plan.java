package dev.unwind.exec;

import dev.unwind.playbook.Block;
import dev.unwind.playbook.Escalation;
import dev.unwind.playbook.Play;
import dev.unwind.playbook.Task;
import dev.unwind.playbook.TaskNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Flattens a play's blocks and includes into the tasks to run, filtered by tags and --start-at-task. */
final class Plan {
    private Plan() {
    }

    static List<PlannedTask> of(Play play, RunSettings settings) {
        List<PlannedTask> all = new ArrayList<>();
        Escalation playEscalation = play.escalation().over(new Escalation(false, "root"));
        flatten(play.tasks(), List.of(), List.of(), playEscalation, new LinkedHashSet<>(play.tags()), all);
        List<PlannedTask> selected = new ArrayList<>();
        boolean started = settings.startAtTask() == null;
        for (PlannedTask t : all) {
            if (!started && settings.startAtTask().equals(t.task().name())) {
                started = true;
            }
            if (started && selectedByTags(t.tags(), settings.tags(), settings.skipTags())) {
                selected.add(t);
            }
        }
        return selected;
    }

    /** A play's handlers, planned as tasks (with the play's become); tags and --start-at-task do not pick them. */
    static List<PlannedTask> handlers(Play play) {
        List<PlannedTask> out = new ArrayList<>();
        flatten(new ArrayList<>(play.handlers()), List.of(), List.of(), play.escalation().over(new Escalation(false, "root")),
                new LinkedHashSet<>(play.tags()), out);
        return out;
    }

    private static void flatten(List<TaskNode> nodes, List<String> when, List<Map<String, Object>> vars, Escalation esc,
                                Set<String> tags, List<PlannedTask> out) {
        for (TaskNode n : nodes) {
            if (n instanceof Block b) {
                List<String> w = new ArrayList<>(when);
                w.addAll(b.when());
                List<Map<String, Object>> v = new ArrayList<>(vars);
                v.add(b.vars());
                Set<String> t = new LinkedHashSet<>(tags);
                t.addAll(b.tags());
                flatten(b.tasks(), w, v, b.escalation().over(esc), t, out);
            } else if (n instanceof Task task) {
                List<String> w = new ArrayList<>(when);
                w.addAll(task.when());
                List<Map<String, Object>> v = new ArrayList<>(vars);
                v.add(task.vars());
                Set<String> t = new LinkedHashSet<>(tags);
                t.addAll(task.tags());
                out.add(new PlannedTask(task, w, v, task.escalation().over(esc), t));
            }
        }
    }

    /** Ansible's rules: {@code always} runs unless skipped by name, {@code never} only when asked for. */
    static boolean selectedByTags(Set<String> taskTags, Set<String> only, Set<String> skip) {
        if (!skip.isEmpty() && (skip.contains("all") || taskTags.stream().anyMatch(skip::contains)
                || (skip.contains("tagged") && !taskTags.isEmpty()) || (skip.contains("untagged") && taskTags.isEmpty()))) {
            return false;
        }
        if (only.isEmpty() || only.contains("all")) {
            return !taskTags.contains("never") || only.contains("never");
        }
        if (taskTags.contains("always")) {
            return true;
        }
        return taskTags.stream().anyMatch(only::contains)
                || (only.contains("tagged") && !taskTags.isEmpty()) || (only.contains("untagged") && taskTags.isEmpty());
    }
}
