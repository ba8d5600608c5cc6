package dev.unwind.exec;

import dev.unwind.module.ConnectionException;
import dev.unwind.module.Secrets;
import dev.unwind.playbook.OnFailure;
import dev.unwind.playbook.Play;
import dev.unwind.report.Event;
import dev.unwind.report.Reporter;
import dev.unwind.undo.Entry;
import dev.unwind.undo.EntryType;
import dev.unwind.undo.Journal;
import dev.unwind.vars.HostVariables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** What a play does on each host before its tasks: take the host's lock (journaled), gather its facts. */
final class HostSetup {
    private final HeldLocks held;
    private final HostConnector connector;
    private final HostVariables hostVariables;
    private final Journal journal;
    private final Reporter reporter;
    private final Secrets secrets;
    private final RunState state;
    private final boolean check;
    private final UnaryOperator<String> lockPath;
    /** A host's connection variables the journal keeps beside its lock (the play's remote_user...). */
    private final Function<String, Map<String, Object>> playReach;

    HostSetup(HeldLocks held, HostConnector connector, HostVariables hostVariables, Journal journal, Reporter reporter,
              Secrets secrets, RunState state, boolean check, UnaryOperator<String> lockPath,
              Function<String, Map<String, Object>> playReach) {
        this.playReach = playReach;
        this.held = held;
        this.connector = connector;
        this.hostVariables = hostVariables;
        this.journal = journal;
        this.reporter = reporter;
        this.secrets = secrets;
        this.state = state;
        this.check = check;
        this.lockPath = lockPath;
    }

    /** One step on one host: null when done, else why not. */
    private interface Step {
        String run(String host) throws ConnectionException;
    }

    /** Locks every active host; false when the play cannot go on (a host failed and the play unwinds them all). */
    boolean lock(Set<String> active, ExecutorService pool, Play play) {
        return onEach(active, pool, play, this::lock);
    }

    boolean gatherFacts(Set<String> active, ExecutorService pool, Play play) {
        return onEach(active, pool, play, host -> {
            hostVariables.setFacts(host, Facts.gather(connector.connect(host)));
            return null;
        });
    }

    /** Runs a step on every active host in parallel; a host that fails it leaves the play. */
    private boolean onEach(Set<String> active, ExecutorService pool, Play play, Step step) {
        List<Future<?>> running = new ArrayList<>();
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        for (String host : new ArrayList<>(active)) {
            running.add(pool.submit(() -> {
                String status;
                String msg;
                try {
                    msg = step.run(host);
                    status = msg == null ? "ok" : "failed";
                } catch (ConnectionException e) {
                    state.unreachable();
                    status = "unreachable";
                    msg = e.getMessage();
                } catch (RuntimeException e) {
                    status = "failed";
                    msg = e.getMessage();
                }
                reporter.on(new Event.HostResult(host, "setup", status, check, false, null, secrets.redact(msg), null, null));
                if (!status.equals("ok")) {
                    state.count(host, status, false);
                    failed.add(host);
                }
            }));
        }
        Executor.waitAll(running);
        active.removeAll(failed);
        return failed.isEmpty() || (play.onFailure() == OnFailure.UNWIND_HOST && !active.isEmpty());
    }

    /**
     * A delegate is locked like any host of the play, the first time a task runs on it (journaled, so a rollback
     * finds and releases it); null when held, else why not. Delegating hosts may ask at once: one at a time.
     */
    synchronized String lockDelegate(String host) throws ConnectionException {
        return check ? null : lock(host);
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
            state.note(host + ": " + r.message());
        }
        // so that a rollback after a crash can release what this run held
        // the play's remote_user and the like too: the rollback reaches the host as the run did
        Entry locked = Entry.of(EntryType.LOCKED).step(0, host, "lock", lockPath.apply(host));
        Map<String, Object> reach = playReach.apply(host);
        journal.append(reach.isEmpty() ? locked : locked.run(Map.of("connection", reach)));
        return null;
    }
}
