package dev.unwind.exec;

import dev.unwind.inventory.Inventory;
import dev.unwind.module.Become;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.Secrets;
import dev.unwind.module.control.MetaModule;
import dev.unwind.playbook.OnFailure;
import dev.unwind.playbook.Play;
import dev.unwind.playbook.Playbook;
import dev.unwind.playbook.SearchPath;
import dev.unwind.report.Counts;
import dev.unwind.report.Event;
import dev.unwind.report.Reporter;
import dev.unwind.run.FileBackups;
import dev.unwind.run.RunDirectory;
import dev.unwind.template.TemplateError;
import dev.unwind.template.Templates;
import dev.unwind.transport.ConnectionVariable;
import dev.unwind.transport.Transport;
import dev.unwind.undo.BeforeImageSweep;
import dev.unwind.undo.Entry;
import dev.unwind.undo.EntryType;
import dev.unwind.undo.Journal;
import dev.unwind.undo.JournalContents;
import dev.unwind.undo.Pending;
import dev.unwind.undo.UnwindReport;
import dev.unwind.undo.Unwinder;
import dev.unwind.vars.HostVariables;
import dev.unwind.vars.Scope;
import dev.unwind.input.Yaml11;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/** Runs a playbook with Ansible's linear strategy and unwinds what it changed when it fails. */
public final class Executor {
    private final RunSettings settings;
    private final Inventory inventory;
    private final Transport transport;
    private final ModuleCatalog catalog;
    private final Templates templates = new Templates();
    private final Reporter reporter;
    private final RunDirectory run;
    private final Secrets secrets;
    private final Interrupt interrupt;
    private final HostVariables hostVariables = new HostVariables();
    private final Map<String, Counts> counts = new ConcurrentHashMap<>();
    private final HeldLocks held;
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final FileBackups backups;
    private final Map<Path, Map<String, Object>> varsFiles = new ConcurrentHashMap<>();
    private Journal journal;
    private int step;
    private boolean unreachableSeen;
    private volatile String failure;

    public Executor(RunSettings settings, Inventory inventory, Transport transport, ModuleCatalog catalog, Reporter reporter,
                    RunDirectory run, Secrets secrets, Interrupt interrupt) {
        this.settings = settings;
        this.inventory = inventory;
        this.transport = transport;
        this.catalog = catalog;
        this.reporter = reporter;
        this.run = run;
        this.secrets = secrets;
        this.interrupt = interrupt;
        this.backups = new FileBackups(run.backups(), run.id());
        this.held = new HeldLocks(LockOwner.self(run.id()), this::connect, this::lockPath);
    }

    public RunResult run(Playbook playbook) {
        reporter.on(new Event.RunStarted(run.id(), playbook.file().toString(), run.path().toString(), settings.check()));
        journal = Journal.open(run.journal());
        Map<String, Object> runInfo = new LinkedHashMap<>();
        runInfo.put("playbook", playbook.file().toAbsolutePath().toString());
        runInfo.put("inventory", settings.inventorySources());
        runInfo.put("check", settings.check());
        // -e ansible_connection=local and the like: a rollback must reach the hosts the way the run did
        runInfo.put("connection", ConnectionVariable.reachOf(settings.extraVars()));
        journal.append(Entry.of(EntryType.RUN).run(runInfo));
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lock-heartbeat"));
        heartbeat.scheduleAtFixedRate(held::refreshAll, HeldLocks.heartbeatMillis(), HeldLocks.heartbeatMillis(), TimeUnit.MILLISECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.forks()), r -> daemon(r, "fork"));
        RunResult result;
        try {
            result = runPlays(playbook, pool);
        } catch (RuntimeException | Error e) {
            // a bug, a journal that cannot be written, an OutOfMemoryError: what is journaled is still unwound
            result = afterInternalError(e);
        } finally {
            heartbeat.shutdownNow();
            pool.shutdownNow();
        }
        try {
            sweepBeforeImages(result);
        } finally {
            releaseLocks();
        }
        journal.append(Entry.of(EntryType.END).status(result.status(), null));
        journal.close();
        reporter.on(new Event.Recap(run.id(), result.status(), new LinkedHashMap<>(sortedCounts()), List.copyOf(notes),
                result.exitCode() == 0 || settings.check() ? null : run.journal().toString()));
        return result;
    }

    private RunResult afterInternalError(Throwable e) {
        String why = "internal error: " + (e.getMessage() == null ? e.getClass().getName() : secrets.redact(e.getMessage()));
        failure = failure == null ? why : failure;
        try {
            return unwindAll(why, false);
        } catch (RuntimeException | Error again) {
            notes.add("the unwind failed too (" + again + "); to finish it: unwind rollback " + run.id());
            return new RunResult(run.id(), "unwind_incomplete", 3, failure);
        }
    }

    private RunResult runPlays(Playbook playbook, ExecutorService pool) {
        SearchPath searchPath = SearchPath.of(playbook.directory());
        HostTaskRunner runner = new HostTaskRunner(catalog, templates, journal, backups, secrets, reporter, settings, searchPath);
        for (Play play : playbook.plays()) {
            List<String> hosts = inventory.hosts(play.hosts());
            if (settings.limit() != null) {
                hosts = inventory.limit(hosts, settings.limit());
            }
            reporter.on(new Event.PlayStarted(play.name() == null ? play.hosts() : play.name(), hosts));
            if (hosts.isEmpty()) {
                reporter.on(new Event.Note("  skipping: no hosts matched '" + play.hosts() + "'"));
                continue;
            }
            hosts.forEach(h -> counts.putIfAbsent(h, Counts.ZERO));
            List<PlannedTask> tasks = Plan.of(play, settings);
            for (List<String> batch : Batches.of(hosts, play.serial())) {
                PlayOutcome outcome = runBatch(play, batch, tasks, runner, pool, playbook);
                if (outcome != null) {
                    return outcome.result();
                }
            }
        }
        if (interrupt.requested()) {
            return unwindAll("interrupted", true);
        }
        boolean anyFailed = counts.values().stream().anyMatch(c -> c.failed() > 0 || c.unreachable() > 0);
        if (anyFailed) {
            return new RunResult(run.id(), "failed", unreachableSeen ? 4 : 2, failure);
        }
        return new RunResult(run.id(), "ok", 0, failure);
    }

    private record PlayOutcome(RunResult result) {
    }

    /** Runs the play's tasks on one batch of hosts; returns non-null when the run must end now. */
    private PlayOutcome runBatch(Play play, List<String> batch, List<PlannedTask> tasks, HostTaskRunner runner,
                                 ExecutorService pool, Playbook playbook) {
        Set<String> active = Collections.synchronizedSet(new LinkedHashSet<>(batch));
        Map<String, Map<String, Object>> playVars = new ConcurrentHashMap<>();
        int total = tasks.size() + (play.gatherFacts() ? 1 : 0) + (settings.check() ? 0 : 1);
        int number = 0;
        if (!settings.check()) {
            number++;
            reporter.on(new Event.TaskStarted("Lock hosts", play.position().toString(), number, total));
            if (!hostStep(new ArrayList<>(active), pool, h -> lock(h), active, play)) {
                return new PlayOutcome(failRun(play, "a host could not be locked"));
            }
        }
        if (play.gatherFacts()) {
            number++;
            reporter.on(new Event.TaskStarted("Gathering Facts", play.position().toString(), number, total));
            if (!hostStep(new ArrayList<>(active), pool, h -> gather(h), active, play)) {
                return new PlayOutcome(failRun(play, "gathering facts failed"));
            }
        }
        for (PlannedTask pt : tasks) {
            if (interrupt.requested()) {
                return new PlayOutcome(unwindAll("interrupted", true));
            }
            number++;
            step++;
            int thisStep = step;
            reporter.on(new Event.TaskStarted(shownName(pt, active, play, playbook, playVars), pt.task().position().toString(),
                    number, total));
            if (pt.task().pointOfNoReturn() && !settings.check()) {
                journal.append(Entry.of(EntryType.POINT_OF_NO_RETURN).step(thisStep, null, pt.task().label(), pt.task().position().toString()));
                notes.add("passed the point of no return at '" + pt.task().label() + "' (" + pt.task().position() + ")");
            }
            AtomicBoolean stop = new AtomicBoolean();
            List<String> targets = new ArrayList<>(active);
            List<Future<?>> running = new ArrayList<>();
            Map<String, HostOutcome> outcomes = new ConcurrentHashMap<>();
            for (String host : targets) {
                running.add(pool.submit(() -> {
                    if (stop.get() || interrupt.requested()) {
                        return;
                    }
                    HostOutcome o;
                    try {
                        String takenBy = held.lostTo(host);
                        o = takenBy != null ? lockTaken(host, pt, takenBy)
                                : runOnHost(pt, thisStep, host, play, playbook, runner, playVars);
                    } catch (RuntimeException | Error e) {
                        // the host's entries are in the journal whatever happened here: fail the host, then unwind
                        o = new HostOutcome("failed", false, "internal error in '" + pt.task().label() + "': " + e, Map.of("failed", true));
                    }
                    outcomes.put(host, o);
                    count(host, o.status(), o.ignored());
                    if (o.fatal() && play.onFailure() != OnFailure.UNWIND_HOST || o.fatal() && play.anyErrorsFatal()) {
                        stop.set(true);
                    }
                }));
            }
            waitAll(running);
            if (!held.lost().isEmpty()) {
                return new PlayOutcome(lockLost(play));
            }
            if (endsPlay(outcomes, active)) {
                break;
            }
            List<String> failed = outcomes.entrySet().stream().filter(e -> e.getValue().fatal()).map(Map.Entry::getKey).toList();
            if (failed.isEmpty()) {
                continue;
            }
            active.removeAll(failed);
            String why = "task '" + pt.task().label() + "' failed on " + String.join(", ", failed);
            boolean tooMany = play.maxFailPercentage() != null
                    && failed.size() * 100.0 / batch.size() > play.maxFailPercentage();
            String firstMessage = outcomes.get(failed.get(0)).msg();
            failure = failure == null ? why + ": " + firstMessage : failure;
            if (play.onFailure() == OnFailure.UNWIND_HOST && !play.anyErrorsFatal() && !tooMany) {
                for (String host : failed) {
                    unwindHost(host, why);
                }
                if (active.isEmpty()) {
                    return new PlayOutcome(new RunResult(run.id(), "failed", unreachableSeen ? 4 : 2, failure));
                }
                continue;
            }
            return new PlayOutcome(failRun(play, tooMany ? why + " (more than max_fail_percentage " + play.maxFailPercentage()
                    + "%)" : why));
        }
        return null;
    }

    /** {@code meta: end_host} drops the host from the rest of the play; {@code meta: end_play} ends the play. */
    private static boolean endsPlay(Map<String, HostOutcome> outcomes, Set<String> active) {
        boolean endPlay = false;
        for (Map.Entry<String, HostOutcome> e : outcomes.entrySet()) {
            Object meta = e.getValue().result().get(MetaModule.KEY);
            if (MetaModule.END_HOST.equals(meta)) {
                active.remove(e.getKey());
            }
            endPlay |= MetaModule.END_PLAY.equals(meta);
        }
        return endPlay || active.isEmpty();
    }

    private HostOutcome runOnHost(PlannedTask pt, int thisStep, String host, Play play, Playbook playbook,
                                  HostTaskRunner runner, Map<String, Map<String, Object>> playVars) {
        Map<String, Object> vars;
        try {
            vars = varsFor(host, play, playbook, pt, playVars);
        } catch (RuntimeException e) {
            // a template, a vars file, an inventory value: the task fails on this host with why, never the run
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            HostOutcome o = new HostOutcome("failed", false, "task '" + pt.task().label() + "' at " + pt.task().position() + ": "
                    + why, Map.of("failed", true));
            reporter.on(new Event.HostResult(host, pt.task().label(), "failed", settings.check(), false, null, o.msg(), null, null));
            return o;
        }
        Connection conn;
        try {
            conn = connect(host);
        } catch (ConnectionException e) {
            unreachableSeen = true;
            reporter.on(new Event.HostResult(host, pt.task().label(), "unreachable", settings.check(), false, null,
                    secrets.redact(e.getMessage()), null, null));
            return new HostOutcome("unreachable", false, e.getMessage(), Map.of("unreachable", true));
        }
        Become become = pt.escalation().active() ? become(host, pt.escalation().becomeUser()) : null;
        HostOutcome o = runner.run(pt, thisStep, host, conn, vars, become);
        DebugMessages.of(pt.task(), o).forEach(text -> reporter.on(new Event.Shown(host, text)));
        if (o.status().equals("unreachable")) {
            unreachableSeen = true;
        }
        if (pt.task().register() != null) {
            hostVariables.register(host, pt.task().register(), withoutInternals(o.result()));
        }
        Object facts = o.result().get("ansible_facts");
        if (facts instanceof Map<?, ?> m && pt.task().module().equals("set_fact") && !o.status().equals("failed")) {
            m.forEach((k, v) -> hostVariables.register(host, String.valueOf(k), v));
        }
        return o;
    }

    /**
     * The task's name as Ansible's banner shows it: rendered with the first host's variables, or as written
     * when it cannot be (an undefined variable, an error).
     */
    private String shownName(PlannedTask pt, Set<String> active, Play play, Playbook playbook,
                             Map<String, Map<String, Object>> playVars) {
        String label = pt.task().label();
        if (!Templates.isTemplate(label) || active.isEmpty()) {
            return label;
        }
        try {
            String first = active.iterator().next();
            return secrets.redact(templates.renderText(label, varsFor(first, play, playbook, pt, playVars)));
        } catch (RuntimeException e) {
            return label;
        }
    }

    /** The variables a task sees on a host, lowest precedence first. */
    private Map<String, Object> varsFor(String host, Play play, Playbook playbook, PlannedTask pt,
                                        Map<String, Map<String, Object>> playVars) {
        Map<String, Object> vars = new LinkedHashMap<>(playVars.computeIfAbsent(host, h -> playScope(h, play, playbook)));
        Map<String, Object> registered = hostVariables.registered(host);
        // block and task vars may refer to registered results, which still win over them
        vars.putAll(registered);
        pt.vars().forEach(layer -> addRendered(vars, layer));
        vars.putAll(registered);
        vars.putAll(settings.extraVars());
        return vars;
    }

    private Map<String, Object> playScope(String host, Play play, Playbook playbook) {
        Map<String, Object> magic = new LinkedHashMap<>();
        magic.put("inventory_hostname", host);
        magic.put("inventory_hostname_short", host.contains(".") ? host.substring(0, host.indexOf('.')) : host);
        magic.put("group_names", inventory.groupNames(host));
        magic.put("groups", inventory.groups());
        magic.put("ansible_check_mode", settings.check());
        magic.put("playbook_dir", playbook.directory().toString());
        magic.put("ansible_play_hosts", inventory.hosts(play.hosts()));
        magic.put("hostvars", new HostVarsView(inventory, hostVariables));
        Map<String, Object> vars = new Scope().layer(inventory.hostVars(host)).layer(hostVariables.facts(host)).layer(magic)
                .layer(settings.extraVars()).build();
        addRendered(vars, play.vars());
        for (String file : play.varsFiles()) {
            Path p = playbook.directory().resolve(templates.renderText(file, vars));
            addRendered(vars, varsFiles.computeIfAbsent(p, f -> Yaml11.read(f).asVars()));
        }
        vars.putAll(settings.extraVars());
        return vars;
    }

    /**
     * Lays variables over {@code vars}, each rendered against what lies below it, so a value may refer to
     * the one it overrides: {@code k0s_data_dir: ${k0s_data_dir!"/var/lib/k0s"}} keeps the inventory's, else the default.
     */
    private void addRendered(Map<String, Object> vars, Map<String, Object> layer) {
        layer.forEach((k, v) -> vars.put(k, templates.render(v, vars)));
    }

    private interface HostAction {
        String run(String host) throws ConnectionException;
    }

    /** Runs a per-host step (lock, facts); returns false if any host failed it. */
    private boolean hostStep(List<String> hosts, ExecutorService pool, HostAction action, Set<String> active, Play play) {
        List<Future<?>> running = new ArrayList<>();
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        for (String host : hosts) {
            running.add(pool.submit(() -> {
                String status;
                String msg;
                try {
                    msg = action.run(host);
                    status = msg == null ? "ok" : "failed";
                } catch (ConnectionException e) {
                    unreachableSeen = true;
                    status = "unreachable";
                    msg = e.getMessage();
                } catch (RuntimeException e) {
                    status = "failed";
                    msg = e.getMessage();
                }
                reporter.on(new Event.HostResult(host, "setup", status, settings.check(), false, null, secrets.redact(msg), null, null));
                if (!status.equals("ok")) {
                    count(host, status, false);
                    failed.add(host);
                }
            }));
        }
        waitAll(running);
        active.removeAll(failed);
        return failed.isEmpty() || (play.onFailure() == OnFailure.UNWIND_HOST && !active.isEmpty());
    }

    private String lock(String host) throws ConnectionException {
        if (held.holds(host)) {
            return null;
        }
        HostLock.Result r = held.take(host);
        if (!r.held()) {
            return r.message();
        }
        if (r.outcome() == HostLock.Outcome.TAKEN_OVER) {
            reporter.on(new Event.Note("  " + host + ": " + r.message()));
            notes.add(host + ": " + r.message());
        }
        // so that a rollback after a crash can release what this run held
        journal.append(Entry.of(EntryType.LOCKED).step(0, host, "lock", lockPath(host)));
        return null;
    }

    private String gather(String host) throws ConnectionException {
        hostVariables.setFacts(host, Facts.gather(connect(host)));
        return null;
    }

    /** The task is not run: the host is another run's now. */
    private HostOutcome lockTaken(String host, PlannedTask pt, String takenBy) {
        String msg = "the lock on " + host + " was taken over by " + takenBy + ": nothing more is done on " + host;
        reporter.on(new Event.HostResult(host, pt.task().label(), "failed", settings.check(), false, null, msg, null, null));
        return new HostOutcome("failed", false, msg, Map.of("failed", true));
    }

    /**
     * The run ends: what it changed on the hosts it still holds unwinds as the play says; on a host taken from it
     * every undo fails (see {@link #unwind}), so nothing is unwound over the other run's changes, and it is left
     * to {@code unwind rollback}, which takes the lock back only once that run is gone.
     */
    private RunResult lockLost(Play play) {
        Map<String, String> lost = held.lost();
        String why = lost.entrySet().stream().map(e -> "the lock on " + e.getKey() + " was taken over by " + e.getValue())
                .collect(Collectors.joining("; "));
        RunResult r = failRun(play, why);
        notes.add("nothing more was done on " + String.join(", ", lost.keySet()) + "; once the other run has ended, to take"
                + " back what this run changed there: unwind rollback " + run.id());
        return r.exitCode() == 3 ? r : new RunResult(run.id(), "unwind_incomplete", 3, failure);
    }

    /**
     * A run that leaves nothing for a rollback (exit 3 does) removes the large files' before-images it kept on the
     * hosts: the changes it kept stay, and what it unwound has its images back in place already.
     */
    private void sweepBeforeImages(RunResult result) {
        if (settings.check() || settings.keepBeforeImages() || result.exitCode() == 3) {
            return;
        }
        try {
            List<Entry> kept = Pending.of(Journal.read(run.journal()).entries()).left();
            notes.addAll(BeforeImageSweep.sweep(kept, backups, (h, user) -> {
                Connection c = connect(h);
                return user == null ? c : c.becoming(become(h, user));
            }));
        } catch (RuntimeException e) {
            notes.add("could not remove the before-images kept on the hosts: " + e.getMessage());
        }
    }

    private void releaseLocks() {
        held.releaseAll((host, e) -> notes.add("could not release the lock on " + host + ": " + e.getMessage()));
    }

    private String lockPath(String host) {
        return String.valueOf(inventory.hostVars(host).getOrDefault("unwind_lock_path", HostLock.DEFAULT_PATH));
    }

    private Connection connect(String host) throws ConnectionException {
        Map<String, Object> hv = connectionVars(host);
        ConnectionVariable.secretsOf(hv).forEach(secrets::add);
        transport.connect(host, hv);
        return new LiveConnection(transport, host, hv, null);
    }

    private Become become(String host, String user) {
        return new Become(user, ConnectionVariable.BECOME_PASSWORD.text(connectionVars(host)));
    }

    /** How to reach a host: its inventory variables, with extra vars over them as in Ansible ({@code -e ansible_connection=local}). */
    private Map<String, Object> connectionVars(String host) {
        Map<String, Object> hv = inventory.hostVars(host);
        hv.putAll(settings.extraVars());
        return hv;
    }

    /** The play failed: act on its on_failure. */
    private RunResult failRun(Play play, String why) {
        notes.add(why);
        failure = failure == null ? why : failure;
        if (settings.check()) {
            return new RunResult(run.id(), "failed", unreachableSeen ? 4 : 2, failure);
        }
        if (play.onFailure() == OnFailure.STOP) {
            boolean changes = !Pending.of(Journal.read(run.journal()).entries()).left().isEmpty();
            if (changes) {
                notes.add("on_failure: stop — nothing was unwound; to take the changes back: unwind rollback " + run.id());
            }
            return new RunResult(run.id(), "failed", changes ? 3 : unreachableSeen ? 4 : 2, failure);
        }
        return unwindAll(why, false);
    }

    private RunResult unwindAll(String why, boolean interrupted) {
        JournalContents journaled = Journal.read(run.journal());
        Pending pending = Pending.of(journaled.entries());
        if (pending.pointOfNoReturn() != null && !pending.left().isEmpty()) {
            notes.add("past the point of no return: manual recovery. What ran:");
            pending.left().forEach(e -> notes.add("  " + e.host() + ": " + e.task() + " (" + e.at() + ")"));
            return new RunResult(run.id(), "unwind_incomplete", 3, failure);
        }
        UnwindReport report = unwind(pending.unwindable(), why);
        journaled.damage().forEach(d -> notes.add("the journal " + run.journal() + " " + d + ": what it held is not unwound"));
        if (!report.complete() || journaled.mayMissEntries()) {
            return new RunResult(run.id(), "unwind_incomplete", 3, failure);
        }
        if (!pending.unwindable().isEmpty()) {
            notes.add("every change was unwound: the hosts are where they started");
        }
        if (interrupted) {
            return new RunResult(run.id(), "interrupted", 130, failure);
        }
        return new RunResult(run.id(), "unwound", unreachableSeen ? 4 : 2, failure);
    }

    private void unwindHost(String host, String why) {
        Pending pending = Pending.of(Journal.read(run.journal()).entries());
        UnwindReport r = unwind(pending.forHost(host), why + " (unwinding " + host + " only)");
        if (!r.complete()) {
            notes.add("could not unwind everything on " + host);
        }
    }

    private UnwindReport unwind(List<Entry> changes, String why) {
        reporter.on(new Event.UnwindStarted(why, changes.size()));
        Unwinder unwinder = new Unwinder(catalog, (h, user) -> {
            held.requireHeld(h);
            Connection c = connect(h);
            return user == null ? c : c.becoming(become(h, user));
        }, backups, secrets, journal, (change, status, msg) ->
                reporter.on(new Event.UndoResult(change.host(), change.task(), status, msg)), settings.forks());
        interrupt.onRepeat(() -> {
            if (UnwindPrompt.confirmAbandon()) {
                unwinder.abandon();
            }
        });
        UnwindReport r = unwinder.unwind(changes);
        for (UnwindReport.Failure f : r.failed()) {
            notes.add("NOT undone on " + f.change().host() + ": " + f.change().task() + " (" + f.change().at() + "): " + f.message());
        }
        if (r.abandoned()) {
            notes.add("the unwind was abandoned; to finish it: unwind rollback " + run.id());
        } else if (!r.complete()) {
            notes.add("to retry what is left: unwind rollback " + run.id());
        }
        return r;
    }

    private void count(String host, String status, boolean ignored) {
        counts.merge(host, Counts.ZERO.add(status, ignored), (a, b) -> new Counts(a.ok() + b.ok(), a.changed() + b.changed(),
                a.failed() + b.failed(), a.skipped() + b.skipped(), a.unreachable() + b.unreachable(), a.ignored() + b.ignored()));
    }

    private Map<String, Counts> sortedCounts() {
        Map<String, Counts> out = new LinkedHashMap<>();
        counts.keySet().stream().sorted().forEach(h -> out.put(h, counts.get(h)));
        return out;
    }

    private static Map<String, Object> withoutInternals(Map<String, Object> result) {
        Map<String, Object> out = new LinkedHashMap<>();
        result.forEach((k, v) -> {
            if (!k.startsWith("__")) {
                out.put(k, v instanceof List<?> l ? l.stream().map(x -> x instanceof Map<?, ?> m ? withoutInternals(cast(m)) : x).toList() : v);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static void waitAll(List<Future<?>> running) {
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
