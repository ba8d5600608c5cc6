package dev.unwind.exec;

import dev.unwind.playbook.Block;
import dev.unwind.playbook.Escalation;
import dev.unwind.playbook.Play;
import dev.unwind.playbook.Role;
import dev.unwind.playbook.Task;
import dev.unwind.playbook.TaskNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Flattens a play's blocks and includes into the tasks to run, filtered by tags and --start-at-task. */
final class Plan {
    private Plan() {
    }

    static List<PlannedTask> of(Play play, RunSettings settings) {
        List<PlannedTask> all = new ArrayList<>();
        flatten(play.tasks(), Inherited.of(play), new int[1], all, tags -> selectedByTags(tags, settings.tags(), settings.skipTags()));
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
        flatten(play.handlers(), Inherited.of(play), new int[1], out, tags -> true);
        return out.stream().map(PlannedTask::asHandler).toList();
    }

    /**
     * What the blocks around a task give it.
     *
     * @param part     the innermost rescue/always block around it, or null
     * @param role     the innermost role, or null
     * @param defaults the defaults of the roles around it, outermost first
     * @param environment the environment of the play, blocks and task, outermost first
     */
    private record Inherited(List<String> when, List<Map<String, Object>> vars, Escalation escalation, Set<String> tags,
                             BlockPart part, Role role, List<Map<String, Object>> defaults,
                             List<Map<String, Object>> environment, boolean anyErrorsFatal, IncludeLoop loop) {
        static Inherited of(Play play) {
            return new Inherited(List.of(), List.of(), play.escalation().over(new Escalation(false, "root")),
                    new LinkedHashSet<>(play.tags()), null, null, List.of(), List.of(play.environment()), play.anyErrorsFatal(),
                    null);
        }

        Inherited enter(List<String> w, Map<String, Object> v, Escalation e, Set<String> t, Role r, Map<String, Object> env,
                        boolean fatal) {
            List<String> when2 = new ArrayList<>(when);
            when2.addAll(w);
            List<Map<String, Object>> vars2 = new ArrayList<>(vars);
            vars2.add(v);
            Set<String> tags2 = new LinkedHashSet<>(tags);
            tags2.addAll(t);
            List<Map<String, Object>> defaults2 = defaults;
            if (r != null) {
                defaults2 = new ArrayList<>(defaults);
                defaults2.add(r.defaults());
            }
            List<Map<String, Object>> env2 = new ArrayList<>(environment);
            env2.add(env);
            return new Inherited(when2, vars2, e.over(escalation), tags2, part, r != null ? r : role, defaults2, env2,
                    anyErrorsFatal || fatal, loop);
        }

        Inherited in(BlockPart p) {
            return new Inherited(when, vars, escalation, tags, p, role, defaults, environment, anyErrorsFatal, loop);
        }

        Inherited looping(IncludeLoop l) {
            return new Inherited(when, vars, escalation, tags, part, role, defaults, environment, anyErrorsFatal, l);
        }
    }

    /**
     * {@code blocks} numbers the blocks with rescue or always; {@code selected} is the tag filter, which an include
     * must pass as a whole (its tags, and those around it) before any of its tasks is planned.
     */
    private static void flatten(List<? extends TaskNode> nodes, Inherited around, int[] blocks, List<PlannedTask> out,
                                Predicate<Set<String>> selected) {
        for (TaskNode n : nodes) {
            if (n instanceof Block b) {
                if (b.include()) {
                    Set<String> own = new LinkedHashSet<>(around.tags());
                    own.addAll(b.tags());
                    if (!selected.test(own)) {
                        continue;
                    }
                }
                Inherited inside = around.enter(b.when(), b.vars(), b.escalation(), b.include() ? Set.of() : b.tags(), b.role(),
                        b.environment(), b.anyErrorsFatal());
                if (b.loop() != null) {
                    inside = inside.looping(new IncludeLoop(++blocks[0], b.loop()));
                }
                if (b.rescue().isEmpty() && b.always().isEmpty()) {
                    flatten(b.tasks(), inside, blocks, out, selected);
                } else {
                    int id = ++blocks[0];
                    boolean rescues = !b.rescue().isEmpty();
                    flatten(b.tasks(), inside.in(new BlockPart(id, BlockPart.Part.MAIN, rescues)), blocks, out, selected);
                    flatten(b.rescue(), inside.in(new BlockPart(id, BlockPart.Part.RESCUE, rescues)), blocks, out, selected);
                    flatten(b.always(), inside.in(new BlockPart(id, BlockPart.Part.ALWAYS, rescues)), blocks, out, selected);
                }
            } else if (n instanceof Task task) {
                Inherited at = around.enter(task.when(), task.vars(), task.escalation(), task.tags(), null, task.environment(),
                        false);
                out.add(new PlannedTask(task, at.when(), at.vars(), at.escalation(), at.tags(), at.part(), at.role(),
                        at.defaults(), at.environment(), at.anyErrorsFatal(), at.loop(), false));
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
