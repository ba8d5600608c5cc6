package dev.unwind.exec;

import dev.unwind.module.Become;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.Outcome;
import dev.unwind.module.Undo;
import dev.unwind.playbook.Escalation;
import dev.unwind.playbook.Task;
import dev.unwind.playbook.UndoSpec;
import dev.unwind.template.TemplateError;
import dev.unwind.template.Templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What undoes one task on one host, at each moment it may be needed: before it runs (if the controller dies while
 * it runs), at its end, and when it ends otherwise than it should (an error, a lost host). An explicit {@code undo:}
 * is rendered with the task's {@code result} in scope; the module's own comes from what the module announced or
 * returned.
 */
record TaskUndo(Templates templates, PlannedTask planned, Map<String, Object> vars) {

    /**
     * How a task's end is journaled: changed (with the undo, or the problem that left it without one) or unchanged.
     *
     * @param undo    what takes the change back, or null when nothing changed (or no undo could be had)
     * @param problem why a change has no undo, or null
     */
    record Ending(boolean changed, String status, Undo undo, String problem) {
        void journal(TaskJournal tj) {
            if (changed) {
                tj.changed(status, undo, problem);
            } else {
                tj.unchanged(status, null);
            }
        }
    }

    private Task task() {
        return planned.task();
    }

    /**
     * What takes the task back if it never ends: for a module's own undo, nothing until it announces a change; an
     * explicit undo rendered with an empty {@code result}; null when it needs the result (the rollback then names
     * the task as left to check).
     */
    Undo beforeRun() {
        if (task().undo() == null) {
            return new Undo.Calls(List.of());
        }
        try {
            return rendered(new LinkedHashMap<>());
        } catch (TemplateError needsResult) {
            return null;
        }
    }

    /**
     * A task that ran to its end. An explicit {@code undo:} follows the task's final status ({@code changed_when}
     * decides); the module's own follows what the module did, so a {@code changed_when} that hides a real change
     * does not lose its undo. A failed task is possibly changed.
     */
    Ending atEnd(Outcome raw, Outcome o, Undo announced, Map<String, Object> result) {
        String status = o.status().label();
        if (task().undo() != null) {
            return o.changed() || o.failed() ? explicit(result, status) : new Ending(false, status, null, null);
        }
        return own(raw, announced, status);
    }

    /** A task that ended otherwise than it should have; {@code raw} is null when the module never returned. */
    Ending otherwise(Outcome raw, Undo announced, Map<String, Object> partial, String status) {
        return task().undo() != null ? explicit(partial, status) : own(raw, announced, status);
    }

    /** The explicit undo (or undo: none) rendered now, with {@code result} in scope. */
    Undo rendered(Map<String, Object> result) {
        if (task().undo() instanceof UndoSpec.None none) {
            return Undo.none(none.reason());
        }
        Map<String, Object> scope = scope(task(), vars, result);
        List<ModuleCall> calls = new ArrayList<>();
        for (Task u : ((UndoSpec.Tasks) task().undo()).tasks()) {
            calls.add(new ModuleCall(u.module(), Omit.dropped(templates.renderMap(u.args(), scope)), u.retries(), u.delay()));
        }
        return new Undo.Calls(calls);
    }

    /**
     * The user the undo runs as: the task's own, or what its undo tasks say ({@code become}/{@code become_user} on
     * an undo task; the loader makes them agree). Null: no privilege escalation.
     */
    String user(Become become) {
        if (task().undo() instanceof UndoSpec.Tasks tasks && !tasks.tasks().isEmpty()) {
            Escalation e = tasks.tasks().get(0).escalation().over(planned.escalation());
            return e.active() ? new Become(e.becomeUser(), null).user() : null;
        }
        return become == null ? null : become.user();
    }

    /** The task or one of its undo tasks says no_log: the rendered calls are kept in the backups, not the journal. */
    boolean noLog() {
        return task().noLog() || task().undo() instanceof UndoSpec.Tasks tasks && tasks.tasks().stream().anyMatch(Task::noLog);
    }

    /** The variables with the task's result in scope, as {@code result} and as its {@code register:} name. */
    static Map<String, Object> scope(Task task, Map<String, Object> vars, Map<String, Object> result) {
        Map<String, Object> scope = new LinkedHashMap<>(vars);
        scope.put("result", result);
        if (task.register() != null) {
            scope.put(task.register(), result);
        }
        return scope;
    }

    private Ending explicit(Map<String, Object> result, String status) {
        try {
            return new Ending(true, status, rendered(result), null);
        } catch (TemplateError e) {
            return new Ending(true, status, null, "its undo cannot be rendered: " + e.getMessage());
        }
    }

    /** The module's own undo: what it returned with a change (or a failure), else what it announced before acting. */
    private Ending own(Outcome raw, Undo announced, String status) {
        Undo undo = raw != null && raw.undo() != null && (raw.changed() || raw.failed()) ? raw.undo() : announced;
        if (undo != null) {
            return new Ending(true, status, undo, null);
        }
        if (raw != null && raw.changed()) {
            return new Ending(true, status, null, "module " + task().module() + " changed the host but gave no undo");
        }
        // a module that fails without having announced a change is taken at its word: it changed nothing
        return new Ending(false, status, null, null);
    }
}
