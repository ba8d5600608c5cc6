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
        flatten(play.tasks(), List.of(), List.of(), playEscalation, new LinkedHashSet<>(play.tags()), null, new int[1], all);
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
                new LinkedHashSet<>(play.tags()), null, new int[1], out);
        return out;
    }

    /** @param part the innermost rescue/always block around these nodes, or null; {@code blocks} numbers such blocks */
    private static void flatten(List<TaskNode> nodes, List<String> when, List<Map<String, Object>> vars, Escalation esc,
                                Set<String> tags, BlockPart part, int[] blocks, List<PlannedTask> out) {
        for (TaskNode n : nodes) {
            if (n instanceof Block b) {
                List<String> w = new ArrayList<>(when);
                w.addAll(b.when());
                List<Map<String, Object>> v = new ArrayList<>(vars);
                v.add(b.vars());
                Set<String> t = new LinkedHashSet<>(tags);
                t.addAll(b.tags());
                Escalation e = b.escalation().over(esc);
                if (b.rescue().isEmpty() && b.always().isEmpty()) {
                    flatten(b.tasks(), w, v, e, t, part, blocks, out);
                } else {
                    int id = ++blocks[0];
                    boolean rescues = !b.rescue().isEmpty();
                    flatten(b.tasks(), w, v, e, t, new BlockPart(id, BlockPart.Part.MAIN, rescues), blocks, out);
                    flatten(b.rescue(), w, v, e, t, new BlockPart(id, BlockPart.Part.RESCUE, rescues), blocks, out);
                    flatten(b.always(), w, v, e, t, new BlockPart(id, BlockPart.Part.ALWAYS, rescues), blocks, out);
                }
            } else if (n instanceof Task task) {
                List<String> w = new ArrayList<>(when);
                w.addAll(task.when());
                List<Map<String, Object>> v = new ArrayList<>(vars);
                v.add(task.vars());
                Set<String> t = new LinkedHashSet<>(tags);
                t.addAll(task.tags());
                out.add(new PlannedTask(task, w, v, task.escalation().over(esc), t, part));
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
