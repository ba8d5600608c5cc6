package dev.unwind.exec;

import dev.unwind.inventory.Inventory;
import dev.unwind.module.HostFileDigests;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.Secrets;
import dev.unwind.module.Predictions;
import dev.unwind.module.SourceDigests;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
    /** The connection variables the current play's keywords set. */
    private volatile Map<String, Object> playReach = Map.of();
    private HostSetup setup;

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
        // the play's remote_user and the like lie below the host's own variables; extra vars win over both
        this.connector = new HostConnector(transport, host -> {
            Map<String, Object> hv = new LinkedHashMap<>(playReach);
            hv.putAll(inventory.reachVars(host, settings.extraVars()));
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
        setup = new HostSetup(held, connector, hostVariables, journal, reporter, secrets, state, settings.check(), this::lockPath,
                this::reachToJournal);
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
        boolean imagesKept = true;
        try {
            imagesKept = sweepBeforeImages(result);
        } finally {
            held.releaseAll((host, e) -> state.note("could not release the lock on " + host + ": " + e.getMessage()));
        }
        // the end says whether before-images stay on the hosts: `unwind runs prune` removes them then, and only then
        journal.append(Entry.of(EntryType.END).status(result.status().wire(), imagesKept ? BeforeImageSweep.KEPT : null));
        journal.close();
        reporter.on(new Event.Recap(run.id(), result.status().wire(), new LinkedHashMap<>(state.sortedCounts()), state.notes(),
                result.ok() || settings.check() ? null : run.journal().toString()));
        return result;
    }

    private RunResult runPlays(Playbook playbook, ExecutorService pool) {
        RunParts parts = new RunParts(inventory, templates, settings, reporter, secrets, state, interrupt, hostVariables, taskVars, held, setup,
                connector, journal, ending);
        HostTasks hostTasks = new HostTasks(parts, templates, pool, playbook);
        // one for the run: a source copied by several plays is hashed once
        RunShared shared = new RunShared(new SourceDigests(run.digests()),
                new HostFileDigests(run.digests().resolve("hosts")), new Predictions(), inventory::playVarsFile);
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
            playReach = play.reach();
            taskVars.startPlay(play, hosts, state::hostFailed);
            List<PlannedTask> tasks = Plan.of(play, settings);
            // a play's files are found from its own playbook's folder (an imported playbook's, for its plays)
            HostTaskRunner runner = new HostTaskRunner(catalog, templates, journal, backups, secrets, reporter, settings,
                    SearchPath.of(play.dir()), this::marker, shared);
            for (List<String> batch : Batches.of(hosts, play.serial())) {
                RunResult ended = new BatchRun(parts, hostTasks, runner, pool, playbook, play, batch, tasks).run();
                if (ended != null) {
                    return ended;
                }
            }
        }
        if (interrupt.requested()) {
            return ending.unwindAll("interrupted", true);
        }
        return state.result(state.endStatus());
    }

    private String marker(String host) {
        return TaskMarker.path(lockPath(host), run.id());
    }

    /**
     * A run that leaves nothing for a rollback (exit 3 does) removes the large files' before-images it kept on the
     * hosts: the changes it kept stay, and what it unwound has its images back in place already.
     *
     * @return whether images may still be on the hosts (kept on purpose, or some could not be removed)
     */
    private boolean sweepBeforeImages(RunResult result) {
        if (settings.check()) {
            return false;
        }
        if (settings.keepBeforeImages() || result.status() == RunStatus.UNWIND_INCOMPLETE || result.status() == RunStatus.STOPPED) {
            return true;
        }
        try {
            List<Entry> kept = Pending.of(Journal.read(run.journal()).entries()).left();
            List<String> left = BeforeImageSweep.sweep(kept, backups, connector.guarded(held::requireHeld));
            state.notes(left);
            return !left.isEmpty();
        } catch (RuntimeException e) {
            state.note("could not remove the before-images kept on the hosts: " + e.getMessage());
            return true;
        }
    }

    /**
     * What a rollback needs, beyond the inventory's files, to reach the host as the run did: its play's remote_user and
     * the like, and for a host add_host added, its connection variables (none of them secrets).
     */
    private Map<String, Object> reachToJournal(String host) {
        Map<String, Object> reach = new LinkedHashMap<>(playReach);
        if (inventory.addedAtRunTime(host)) {
            reach.putAll(ConnectionVariable.reachOf(inventory.hostVars(host)));
            reach.put("unwind_lock_path", lockPath(host));
        }
        return reach;
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
