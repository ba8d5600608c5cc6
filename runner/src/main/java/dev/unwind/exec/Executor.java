package dev.unwind.exec;

import dev.unwind.inventory.Inventory;
import dev.unwind.module.Become;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.Secrets;
import dev.unwind.module.SourceDigests;
import dev.unwind.module.control.MetaModule;
import dev.unwind.playbook.OnFailure;
import dev.unwind.playbook.Play;
import dev.unwind.playbook.Playbook;
import dev.unwind.playbook.SearchPath;
import dev.unwind.report.Event;
import dev.unwind.report.Reporter;
import dev.unwind.run.FileBackups;
import dev.unwind.run.RunDirectory;
import dev.unwind.template.Templates;
import dev.unwind.transport.ConnectionVariable;
import dev.unwind.transport.Transport;
import dev.unwind.undo.BeforeImageSweep;
import dev.unwind.undo.Entry;
import dev.unwind.undo.EntryType;
import dev.unwind.undo.Journal;
import dev.unwind.undo.Pending;
import dev.unwind.vars.HostVariables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs a playbook with Ansible's linear strategy and unwinds what it changed when it fails. */
public final class Executor {
    private final RunSettings settings;
    private final Inventory inventory;
    private final ModuleCatalog catalog;
    private final Templates templates = new Templates();
    private final Reporter reporter;
    private final RunDirectory run;
    private final Secrets secrets;
    private final Interrupt interrupt;
    private final HostVariables hostVariables = new HostVariables();
    private final HostConnector connector;
    private final HeldLocks held;
    private final FileBackups backups;
    private final TaskVars taskVars;
    private final RunState state;
    private Journal journal;
    private RunEnding ending;
    private HostSetup setup;
    private int step;

    public Executor(RunSettings settings, Inventory inventory, Transport transport, ModuleCatalog catalog, Reporter reporter,
                    RunDirectory run, Secrets secrets, Interrupt interrupt) {
        this.settings = settings;
        this.inventory = inventory;
        this.catalog = catalog;
        this.reporter = reporter;
        this.run = run;
        this.secrets = secrets;
        this.interrupt = interrupt;
        this.backups = new FileBackups(run.backups(), run.id());
        this.state = new RunState(run.id());
        this.taskVars = new TaskVars(inventory, hostVariables, settings, templates, secrets);
        // extra vars win over the inventory's for connecting too (-e ansible_connection=local)
        this.connector = new HostConnector(transport, host -> {
            Map<String, Object> hv = inventory.hostVars(host);
            hv.putAll(settings.extraVars());
            return hv;
        }, secrets, null);
        this.held = new HeldLocks(LockOwner.self(run.id()), connector::connect, this::lockPath);
    }

    public RunResult run(Playbook playbook) {
        reporter.on(new Event.RunStarted(run.id(), playbook.file().toString(), run.path().toString(), settings.check()));
        journal = Journal.open(run.journal());
        ending = new RunEnding(settings, run, () -> new UnwindSession(catalog, connector.guarded(held::requireHeld), backups,
                secrets, journal, reporter, settings.forks(), this::marker), interrupt, state);
        setup = new HostSetup(held, connector, hostVariables, journal, reporter, secrets, state, settings.check(), this::lockPath);
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
            result = ending.afterInternalError(e, "internal error: "
                    + (e.getMessage() == null ? e.getClass().getName() : secrets.redact(e.getMessage())));
        } finally {
            heartbeat.shutdownNow();
            pool.shutdownNow();
        }
        try {
            sweepBeforeImages(result);
        } finally {
            held.releaseAll((host, e) -> state.note("could not release the lock on " + host + ": " + e.getMessage()));
        }
        journal.append(Entry.of(EntryType.END).status(result.status().wire(), null));
        journal.close();
        reporter.on(new Event.Recap(run.id(), result.status().wire(), new LinkedHashMap<>(state.sortedCounts()), state.notes(),
                result.ok() || settings.check() ? null : run.journal().toString()));
        return result;
    }

    private RunResult runPlays(Playbook playbook, ExecutorService pool) {
        HostTaskRunner runner = new HostTaskRunner(catalog, templates, journal, backups, secrets, reporter, settings,
                SearchPath.of(playbook.directory()), this::marker, new SourceDigests(run.digests()));
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
            hosts.forEach(state::host);
            List<PlannedTask> tasks = Plan.of(play, settings);
            for (List<String> batch : Batches.of(hosts, play.serial())) {
                RunResult ended = runBatch(play, batch, tasks, runner, pool, playbook);
                if (ended != null) {
                    return ended;
                }
            }
        }
        if (interrupt.requested()) {
            return ending.unwindAll("interrupted", true);
        }
        return state.result(state.anyHostFailed() ? RunStatus.FAILED : RunStatus.OK);
    }

    /** Runs the play's tasks on one batch of hosts; returns how the run ended when it must end now, else null. */
    private RunResult runBatch(Play play, List<String> batch, List<PlannedTask> tasks, HostTaskRunner runner,
                               ExecutorService pool, Playbook playbook) {
        Set<String> active = Collections.synchronizedSet(new LinkedHashSet<>(batch));
        taskVars.startPlay(play);
        Handlers handlers = new Handlers(play);
        Rescues rescues = new Rescues();
        int total = (int) tasks.stream().filter(t -> !Handlers.isFlush(t)).count() + (play.gatherFacts() ? 1 : 0)
                + (settings.check() ? 0 : 1);
        int number = 0;
        if (!settings.check()) {
            reporter.on(new Event.TaskStarted("Lock hosts", play.position().toString(), ++number, total));
            if (!setup.lock(active, pool, play)) {
                return ending.failed(play, "a host could not be locked");
            }
        }
        if (play.gatherFacts()) {
            reporter.on(new Event.TaskStarted("Gathering Facts", play.position().toString(), ++number, total));
            if (!setup.gatherFacts(active, pool, play)) {
                return ending.failed(play, "gathering facts failed");
            }
        }
        for (PlannedTask pt : tasks) {
            if (interrupt.requested()) {
                return rerunHandlers(ending.unwindAll("interrupted", true), handlers, playbook, runner, pool);
            }
            if (Handlers.isFlush(pt)) {
                RunResult ended = flush(handlers, play, batch, active, playbook, runner, pool);
                if (ended != null) {
                    return ended;
                }
                continue;
            }
            List<String> targets = active.stream().filter(h -> rescues.runsOn(pt, h)).toList();
            number++;
            if (targets.isEmpty()) {
                continue;
            }
            int thisStep = ++step;
            rescues.starting(pt, thisStep);
            reporter.on(new Event.TaskStarted(taskVars.shownName(pt, targets, playbook), pt.task().position().toString(),
                    number, total));
            if (pt.task().pointOfNoReturn() && !settings.check()) {
                journal.append(Entry.of(EntryType.POINT_OF_NO_RETURN).step(thisStep, null, pt.task().label(), pt.task().position().toString()));
                state.note("passed the point of no return at '" + pt.task().label() + "' (" + pt.task().position() + ")");
            }
            RunResult ended = step(pt, thisStep, play, batch, active, targets, playbook, runner, pool, handlers, rescues);
            if (ended == PLAY_ENDS) {
                break;
            }
            if (ended != null) {
                return ended;
            }
        }
        return null;
    }

    /** A marker: the play ends here (meta end_play, or no host left), the run goes on. */
    private static final RunResult PLAY_ENDS = new RunResult("", RunStatus.OK, false, null);

    /** One task (or handler) on the active hosts, then the failure policy; null: go on. */
    private RunResult step(PlannedTask pt, int thisStep, Play play, List<String> batch, Set<String> active,
                           List<String> targets, Playbook playbook, HostTaskRunner runner, ExecutorService pool,
                           Handlers handlers, Rescues rescues) {
        Map<String, HostOutcome> outcomes = runOnHosts(pt, thisStep, targets, play, playbook, runner, pool);
        if (Rescues.rescuable(pt) && !settings.check()) {
            rescue(pt, outcomes, rescues);
        }
        outcomes.forEach((host, o) -> {
            if (o.status().equals("changed")) {
                handlers.changed(host, pt.task());
            }
        });
        if (!held.lost().isEmpty()) {
            return ending.lockLost(play, held.lost());
        }
        if (endsPlay(outcomes, active)) {
            return PLAY_ENDS;
        }
        return rerunHandlers(afterFailures(play, pt, batch, active, outcomes), handlers, playbook, runner, pool);
    }

    /**
     * A block with rescue is a transaction: on each host its task failed, the host's changes since the block began are
     * unwound, newest first, then the host goes to the rescue (with {@code ansible_failed_task} and
     * {@code ansible_failed_result}) instead of leaving the play. A host whose block cannot be unwound fails as usual.
     */
    private void rescue(PlannedTask pt, Map<String, HostOutcome> outcomes, Rescues rescues) {
        for (Map.Entry<String, HostOutcome> e : new ArrayList<>(outcomes.entrySet())) {
            String host = e.getKey();
            if (!e.getValue().fatal() || e.getValue().status().equals("unreachable")) {
                continue;
            }
            if (!ending.unwindBlock(host, rescues.blockStart(pt), "'" + pt.task().label() + "' failed on " + host
                    + " inside a block with rescue")) {
                state.count(host, "failed", false);
                continue;
            }
            rescues.rescue(pt, host);
            state.count(host, "rescued", false);
            hostVariables.register(host, "ansible_failed_task", Map.of("name", pt.task().label(), "action", pt.task().module()));
            hostVariables.register(host, "ansible_failed_result", e.getValue().registered());
            outcomes.remove(host);
        }
    }

    /** A flush: each notified handler once, in the order they are written, on the hosts that notified it. */
    private RunResult flush(Handlers handlers, Play play, List<String> batch, Set<String> active, Playbook playbook,
                            HostTaskRunner runner, ExecutorService pool) {
        for (Handlers.Due due : handlers.flush()) {
            List<String> hosts = due.hosts().stream().filter(active::contains).toList();
            if (hosts.isEmpty()) {
                continue;
            }
            reporter.on(new Event.HandlerStarted(taskVars.shownName(due.handler(), hosts, playbook),
                    due.handler().task().position().toString(), false));
            handlers.ran(due.handler(), hosts);
            Set<String> these = Collections.synchronizedSet(new LinkedHashSet<>(hosts));
            RunResult ended = step(due.handler(), ++step, play, batch, these, hosts, playbook, runner, pool, handlers,
                    new Rescues());
            // a host the handler failed (or ended) leaves the play, as after any task
            hosts.stream().filter(h -> !these.contains(h)).forEach(active::remove);
            if (ended != null && ended != PLAY_ENDS) {
                return ended;
            }
        }
        return null;
    }

    /**
     * After an unwind took every change back, the handlers that ran because of those changes run once more on the
     * restored hosts (a service restarted for a new configuration is restarted on the old one). They are not
     * journaled; one that fails leaves the run incomplete.
     */
    private RunResult rerunHandlers(RunResult r, Handlers handlers, Playbook playbook, HostTaskRunner runner,
                                    ExecutorService pool) {
        if (r == null || r.status() != RunStatus.UNWOUND && r.status() != RunStatus.INTERRUPTED) {
            return r;
        }
        boolean allRan = true;
        for (Handlers.Due due : handlers.ranSoFar()) {
            reporter.on(new Event.HandlerStarted(due.handler().task().label(), due.handler().task().position().toString(), true));
            Map<String, HostOutcome> outcomes = runOnHosts(due.handler(), ++step, due.hosts(), null, playbook,
                    runner.unjournaled(), pool);
            for (Map.Entry<String, HostOutcome> e : outcomes.entrySet()) {
                if (e.getValue().fatal()) {
                    allRan = false;
                    state.note("the handler '" + due.handler().task().label() + "' did not run again on " + e.getKey()
                            + " after the unwind: " + e.getValue().msg());
                }
            }
        }
        return allRan ? r : state.result(RunStatus.UNWIND_INCOMPLETE);
    }

    /** The task on every target host in parallel (forks); a fatal failure stops the hosts not yet started. */
    private Map<String, HostOutcome> runOnHosts(PlannedTask pt, int thisStep, List<String> targets, Play play,
                                                Playbook playbook, HostTaskRunner runner, ExecutorService pool) {
        AtomicBoolean stop = new AtomicBoolean();
        boolean rescuable = Rescues.rescuable(pt) && !settings.check();
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
                    o = takenBy != null ? lockTaken(host, pt, takenBy) : runOnHost(pt, thisStep, host, playbook, runner);
                } catch (RuntimeException | Error e) {
                    // the host's entries are in the journal whatever happened here: fail the host, then unwind
                    o = new HostOutcome("failed", false, "internal error in '" + pt.task().label() + "': " + e, Map.of("failed", true));
                }
                outcomes.put(host, o);
                // a failure a block will rescue is counted by the rescue, and stops no other host
                boolean toRescue = rescuable && o.fatal() && !o.status().equals("unreachable");
                if (!toRescue) {
                    state.count(host, o.status(), o.ignored());
                }
                if (!toRescue && play != null && o.fatal() && (play.onFailure() != OnFailure.UNWIND_HOST || play.anyErrorsFatal())) {
                    stop.set(true);
                }
            }));
        }
        waitAll(running);
        return outcomes;
    }

    /** The failure policy after a task: hosts that failed leave; the play's on_failure and limits decide the rest. */
    private RunResult afterFailures(Play play, PlannedTask pt, List<String> batch, Set<String> active,
                                    Map<String, HostOutcome> outcomes) {
        List<String> failed = outcomes.entrySet().stream().filter(e -> e.getValue().fatal()).map(Map.Entry::getKey).toList();
        if (failed.isEmpty()) {
            return null;
        }
        active.removeAll(failed);
        String why = "task '" + pt.task().label() + "' failed on " + String.join(", ", failed);
        boolean tooMany = play.maxFailPercentage() != null && failed.size() * 100.0 / batch.size() > play.maxFailPercentage();
        state.failed(why + ": " + outcomes.get(failed.get(0)).msg());
        if (play.onFailure() == OnFailure.UNWIND_HOST && !play.anyErrorsFatal() && !tooMany) {
            failed.forEach(host -> ending.unwindHost(host, why));
            return active.isEmpty() ? state.result(RunStatus.FAILED) : null;
        }
        return ending.failed(play, tooMany ? why + " (more than max_fail_percentage " + play.maxFailPercentage() + "%)" : why);
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

    private HostOutcome runOnHost(PlannedTask pt, int thisStep, String host, Playbook playbook, HostTaskRunner runner) {
        Map<String, Object> vars;
        try {
            vars = taskVars.of(host, playbook, pt);
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
            conn = connector.connect(host);
        } catch (ConnectionException e) {
            state.unreachable();
            reporter.on(new Event.HostResult(host, pt.task().label(), "unreachable", settings.check(), false, null,
                    secrets.redact(e.getMessage()), null, null));
            return new HostOutcome("unreachable", false, e.getMessage(), Map.of("unreachable", true));
        }
        Become become = pt.escalation().active() ? connector.become(host, pt.escalation().becomeUser()) : null;
        HostOutcome o = runner.run(pt, thisStep, host, conn, vars, become);
        DebugMessages.of(pt.task(), o).forEach(text -> reporter.on(new Event.Shown(host, text)));
        if (o.status().equals("unreachable")) {
            state.unreachable();
        }
        if (pt.task().register() != null) {
            hostVariables.register(host, pt.task().register(), o.registered());
        }
        Object facts = o.result().get("ansible_facts");
        if (facts instanceof Map<?, ?> m && pt.task().module().equals("set_fact") && !o.status().equals("failed")) {
            m.forEach((k, v) -> hostVariables.register(host, String.valueOf(k), v));
        }
        return o;
    }

    /** The task is not run: the host is another run's now. */
    private HostOutcome lockTaken(String host, PlannedTask pt, String takenBy) {
        String msg = "the lock on " + host + " was taken over by " + takenBy + ": nothing more is done on " + host;
        reporter.on(new Event.HostResult(host, pt.task().label(), "failed", settings.check(), false, null, msg, null, null));
        return new HostOutcome("failed", false, msg, Map.of("failed", true));
    }

    private String marker(String host) {
        return TaskMarker.path(lockPath(host), run.id());
    }

    /**
     * A run that leaves nothing for a rollback (exit 3 does) removes the large files' before-images it kept on the
     * hosts: the changes it kept stay, and what it unwound has its images back in place already.
     */
    private void sweepBeforeImages(RunResult result) {
        if (settings.check() || settings.keepBeforeImages() || result.status() == RunStatus.UNWIND_INCOMPLETE
                || result.status() == RunStatus.STOPPED) {
            return;
        }
        try {
            List<Entry> kept = Pending.of(Journal.read(run.journal()).entries()).left();
            state.notes(BeforeImageSweep.sweep(kept, backups, connector.guarded(held::requireHeld)));
        } catch (RuntimeException e) {
            state.note("could not remove the before-images kept on the hosts: " + e.getMessage());
        }
    }

    private String lockPath(String host) {
        return String.valueOf(inventory.hostVars(host).getOrDefault("unwind_lock_path", HostLock.DEFAULT_PATH));
    }

    static void waitAll(List<Future<?>> running) {
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
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
