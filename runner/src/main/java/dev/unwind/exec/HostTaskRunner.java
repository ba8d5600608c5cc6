package dev.unwind.exec;

import dev.unwind.module.Args;
import dev.unwind.module.Backups;
import dev.unwind.module.Become;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.Outcome;
import dev.unwind.module.Secrets;
import dev.unwind.module.Status;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;
import dev.unwind.playbook.Loop;
import dev.unwind.playbook.LoopItems;
import dev.unwind.playbook.SearchPath;
import dev.unwind.playbook.Task;
import dev.unwind.report.Event;
import dev.unwind.report.Reporter;
import dev.unwind.template.TemplateError;
import dev.unwind.template.Templates;
import dev.unwind.undo.Entry;
import dev.unwind.undo.EntryType;
import dev.unwind.undo.Journal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Runs one planned task on one host: conditions, loop, rendering, the module, retries, register, journal. */
final class HostTaskRunner {
    /** Test hook: the name of a task after whose change (before its journal entry) the controller dies. */
    private static final String CRASH_AFTER_CHANGE = System.getProperty("unwind.test.crashAfterChange");
    /** Test hook: before this task runs, the controller writes {@code unwind.test.pauseMarker} and waits 3 s (for a signal). */
    private static final String PAUSE_BEFORE = System.getProperty("unwind.test.pauseBeforeTask");
    private static final String HIDDEN = "the output has been hidden due to no_log: true";

    private final ModuleCatalog catalog;
    private final Templates templates;
    private final Journal journal;
    private final Backups backups;
    private final RunShared shared;
    private final Secrets secrets;
    private final Reporter reporter;
    private final RunSettings settings;
    private final SearchPath searchPath;
    private final UnaryOperator<String> markers;

    HostTaskRunner(ModuleCatalog catalog, Templates templates, Journal journal, Backups backups, Secrets secrets,
                   Reporter reporter, RunSettings settings, SearchPath searchPath, UnaryOperator<String> markers,
                   RunShared shared) {
        this.catalog = catalog;
        this.shared = shared;
        this.templates = templates;
        this.journal = journal;
        this.backups = backups;
        this.secrets = secrets;
        this.reporter = reporter;
        this.settings = settings;
        this.searchPath = searchPath;
        this.markers = markers;
    }

    /**
     * The same runner, journaling nothing: for handlers run again after an unwind, whose changes put back what the
     * unwind restored and must not be taken back by a later rollback.
     */
    HostTaskRunner unjournaled() {
        return new HostTaskRunner(catalog, templates, null, backups, secrets, reporter, settings, searchPath, markers, shared);
    }

    /**
     * The task's result on this host, already reported. {@code vars} are the host's variables for this task;
     * {@code target} says where each run of the module goes (each loop item's, when delegate_to names the item).
     */
    HostOutcome run(PlannedTask pt, int step, String host, Function<Map<String, Object>, Target> target, Map<String, Object> vars) {
        Task task = pt.task();
        HostOutcome out;
        try {
            out = runChecked(pt, step, host, target, vars);
        } catch (TemplateError e) {
            out = failed(task, e.getMessage());
        }
        if (task.noLog()) {
            NoLogResult.register(out.result(), secrets);
        }
        boolean check = effectiveCheck(task);
        reporter.on(new Event.HostResult(host, task.label(), out.status(), check, out.ignored(), null,
                task.noLog() && !out.status().equals("skipped") ? HIDDEN : out.msg(),
                task.noLog() ? null : ResultDetail.of(out), task.noLog() ? null : (String) out.result().get("__diff")));
        return out;
    }

    /** As Ansible: a looped task's conditions are judged for each item, with the item's variables. */
    private HostOutcome runChecked(PlannedTask pt, int step, String host, Function<Map<String, Object>, Target> target,
                                   Map<String, Object> vars) {
        Task task = pt.task();
        if (task.loop() == null) {
            HostOutcome skipped = TaskConditions.skipped(templates, pt.when(), vars);
            return skipped != null ? skipped : item(pt, step, host, target.apply(vars), vars, null, null);
        }
        List<Object> items;
        try {
            items = loopItems(pt, task.loop(), task.module(), vars);
        } catch (TemplateError e) {
            // a loop over something undefined is no error where the conditions skip the task anyway (when: x is defined)
            HostOutcome skipped = e.undefined() != null ? TaskConditions.skipped(templates, pt.when(), vars) : null;
            if (skipped == null) {
                throw e;
            }
            return skipped;
        } catch (IllegalArgumentException e) {
            return failed(task, e.getMessage());
        }
        LoopOutcome loop = new LoopOutcome();
        for (LoopIteration turn : LoopIteration.over(items, task.loop().control())) {
            if (turn.index() > 0) {
                sleep(task.loop().control().pause());
            }
            Map<String, Object> itemVars = new LinkedHashMap<>(vars);
            itemVars.putAll(turn.bound());
            HostOutcome skipped = TaskConditions.skipped(templates, pt.when(), itemVars);
            if (!loop.add(turn, skipped != null ? skipped : item(pt, step, host, target.apply(itemVars), itemVars, turn.item(), turn.index()))) {
                break;
            }
        }
        return loop.outcome(task.ignoreErrors());
    }

    /**
     * One run of the module (one loop item), with until/retries, changed_when/failed_when and the journal. A task
     * that started and did not end ok or skipped is possibly changed: whatever way it ends (failure, an expression
     * that errors, a lost host, an internal error), its journal entry holds the undo that can be had.
     */
    private HostOutcome item(PlannedTask pt, int step, String host, Target target, Map<String, Object> vars,
                             Object item, Integer index) {
        if (target.refused() != null) {
            return target.refused();
        }
        Connection conn = target.conn();
        Become become = target.become();
        Task task = pt.task();
        Module module = catalog.find(task.module()).orElseThrow();
        boolean check = effectiveCheck(task);
        Map<String, Object> args = Omit.dropped(templates.renderMap(task.args(), vars));
        module.spec().args().stream().filter(a -> a.secret() && args.get(a.name()) != null)
                .forEach(a -> secrets.add(String.valueOf(args.get(a.name()))));
        boolean mayChange = journal != null && !check && module.undoKind(args) != UndoKind.READ_ONLY && !"false".equals(task.changedWhen());
        TaskUndo undos = new TaskUndo(templates, pt, vars);
        TaskConditions conditions = new TaskConditions(templates, task);
        TaskJournal tj = null;
        if (mayChange) {
            tj = new TaskJournal(journal, backups, secrets,
                    Entry.of(EntryType.STARTED).step(step, host, task.label(), task.position().toString()).item(index)
                            .on(target.delegateFor(host)),
                    undos.user(become), undos.noLog());
            tj.started(undos.beforeRun());
        }
        if (task.label().equals(PAUSE_BEFORE)) {
            pauseForTest();
        }
        Connection c = TaskEnvironment.of(TimedConnection.of(become == null ? conn : conn.becoming(become), task.timeout()),
                TaskEnvironment.rendered(pt, templates, vars));
        if (mayChange) {
            c = TaskMarker.marking(c, markers.apply(conn.host()));
        }
        TaskJournal announcer = tj;
        TaskContext ctx = new TaskContext(c, check, settings.diff(), vars, templates,
                searchPath(pt), backups,
                new HostLog(reporter, host), secrets, catalog, u -> {
                    if (announcer != null) {
                        announcer.announce(u);
                    }
                }, task.timeout() == null ? null : Duration.ofSeconds(task.timeout()), shared.sourceDigests(), shared.hostFileDigests(),
                shared.predictions().on(conn.host()), shared.varsFiles());
        Outcome raw = null;
        Map<String, Object> result = new LinkedHashMap<>();
        boolean ended = false;
        try {
            Outcome o;
            int attempt = 0;
            while (true) {
                try {
                    raw = module.run(new Args(module.spec(), args), ctx);
                } catch (ConnectionException e) {
                    String msg = secrets.redact(e.getMessage());
                    if (tj != null) {
                        Map<String, Object> partial = Map.of("unreachable", true, "msg", msg);
                        undos.otherwise(null, tj.announcedUndo(), partial, "unreachable").journal(tj);
                    }
                    ended = true;
                    return new HostOutcome("unreachable", false, msg, Map.of("unreachable", true));
                } catch (TemplateError e) {
                    throw e;
                } catch (RuntimeException e) {
                    raw = Outcome.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
                result = TaskConditions.registered(raw);
                o = conditions.applied(raw, result, vars);
                result = TaskConditions.registered(o);
                if (task.until() == null || attempt >= task.retries() || conditions.untilHolds(result, vars)) {
                    break;
                }
                attempt++;
                reporter.on(new Event.Output(host, "retrying '" + task.label() + "' (" + attempt + "/" + task.retries() + ")"));
                sleep(task.delay());
            }
            if (task.until() != null) {
                result.put("attempts", attempt + 1);
            }
            if (mayChange && task.label().equals(CRASH_AFTER_CHANGE)) {
                // test hook: die in the window between a change and its journal entry (see docs/undo.md)
                Runtime.getRuntime().halt(137);
            }
            Undo undo = null;
            if (tj != null) {
                TaskUndo.Ending end = undos.atEnd(raw, o, tj.announcedUndo(), result);
                end.journal(tj);
                ended = true;
                undo = end.undo();
                if (pt.handler() && o.changed() && undo instanceof Undo.NotNeeded) {
                    tj.again(ModuleCall.of(task.module(), args));
                }
                if (end.problem() != null && !o.failed()) {
                    o = new Outcome(Status.FAILED, end.problem(), o.result(), o.diff(), o.undo());
                }
            } else if (check && o.changed()) {
                undo = task.undo() == null ? o.undo() : undos.rendered(result);
            }
            if (check && o.changed() && undo != null) {
                result.put("__undo", ResultDetail.describe(undo));
            }
            if (o.diff() != null && settings.diff()) {
                result.put("__diff", o.diff().unified());
            }
            if (!check && task.label().equals(settings.failAfterTask()) && !o.failed()) {
                return new HostOutcome("failed", false, "injected failure after '" + task.label() + "' (--fail-after-task)", result);
            }
            return new HostOutcome(o.status().label(), o.failed() && task.ignoreErrors(), o.msg(), result);
        } catch (RuntimeException | Error e) {
            // an expression that errors after the module ran, a journal that cannot be written, an OutOfMemoryError:
            // the host may be changed all the same, and the run must still unwind it
            String why = e instanceof TemplateError ? e.getMessage()
                    : (e instanceof Error ? "internal error: " : "") + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            if (tj != null && !ended) {
                try {
                    undos.otherwise(raw, tj.announcedUndo(), result, "failed").journal(tj);
                } catch (RuntimeException | Error journalFailed) {
                    why += " (and its end could not be journaled: " + journalFailed.getMessage() + ")";
                }
            }
            return failed(task, secrets.redact(why));
        }
    }

    /** The task failed on this host before or around its module, for the reason given. */
    private static HostOutcome failed(Task task, String why) {
        return new HostOutcome("failed", task.ignoreErrors(), "task '" + task.label() + "' at " + task.position() + ": " + why,
                Map.of("failed", true));
    }

    private boolean effectiveCheck(Task task) {
        return task.checkMode() != null ? task.checkMode() : settings.check();
    }

    /** A loop's items on a host, rendered with its variables; {@code module} says where its lookups look for files. */
    List<Object> loopItems(PlannedTask pt, Loop loop, String module, Map<String, Object> vars) {
        return new LoopItems(searchPath(pt)).of(loop, module, v -> templates.render(v, vars));
    }

    /** Where the task's controller files are: its role's folder first, as Ansible looks in the role before the playbook. */
    private SearchPath searchPath(PlannedTask pt) {
        return pt.role() == null ? searchPath : searchPath.within(pt.role().dir());
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pauseForTest() {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("unwind.test.pauseMarker")), "paused\n");
            Thread.sleep(3000);
        } catch (java.io.IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
