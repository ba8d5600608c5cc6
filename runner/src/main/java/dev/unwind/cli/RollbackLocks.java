package dev.unwind.cli;

import dev.unwind.exec.HostLock;
import dev.unwind.exec.LockOwner;
import dev.unwind.inventory.Inventory;
import dev.unwind.module.ConnectionException;
import dev.unwind.report.Event;
import dev.unwind.report.Reporter;
import dev.unwind.transport.Transports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The host locks a rollback takes for its run, as the run itself would: the run's own lock, left by a controller
 * that has ended, is taken over; a host that another live run holds is left alone and named. Kept fresh by a
 * heartbeat while the rollback runs, released when it ends.
 */
final class RollbackLocks implements AutoCloseable {
    private final Inventory inventory;
    private final Transports transports;
    private final LockOwner owner;
    private final List<String> held = new ArrayList<>();
    private final Map<String, String> refused = new LinkedHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rollback-lock-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private RollbackLocks(Inventory inventory, Transports transports, String runId) {
        this.inventory = inventory;
        this.transports = transports;
        this.owner = LockOwner.self(runId);
    }

    /** Takes the locks of {@code hosts}; one the inventory does not know, or cannot reach, fails at its undo instead. */
    static RollbackLocks take(Collection<String> hosts, Inventory inventory, Transports transports, String runId, Reporter reporter) {
        RollbackLocks locks = new RollbackLocks(inventory, transports, runId);
        for (String host : hosts) {
            if (!inventory.knows(host)) {
                continue;
            }
            try {
                HostLock.Result r = HostLock.acquire(transports.connect(host, inventory.hostVars(host)), path(inventory, host),
                        locks.owner);
                if (!r.held()) {
                    locks.refused.put(host, r.message());
                    continue;
                }
                locks.held.add(host);
                if (r.outcome() == HostLock.Outcome.TAKEN_OVER) {
                    reporter.on(new Event.Note(host + ": " + r.message()));
                }
            } catch (ConnectionException | RuntimeException e) {
                // its undos report the host unreachable
            }
        }
        long beat = HostLock.staleSeconds() * 1000L / 3;
        locks.heartbeat.scheduleAtFixedRate(locks::refresh, beat, beat, TimeUnit.MILLISECONDS);
        return locks;
    }

    /** The hosts another run holds, with who holds them: nothing is undone there. */
    Map<String, String> refused() {
        return refused;
    }

    private void refresh() {
        for (String host : held) {
            try {
                HostLock.refresh(transports.connect(host, inventory.hostVars(host)), path(inventory, host), owner);
            } catch (ConnectionException | RuntimeException ignored) {
                // a host lost now fails at its undo
            }
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        for (String host : held) {
            try {
                HostLock.release(transports.connect(host, inventory.hostVars(host)), path(inventory, host), owner);
            } catch (ConnectionException | RuntimeException e) {
                // an unreachable host keeps the lock until a later run finds this controller gone
            }
        }
    }

    private static String path(Inventory inventory, String host) {
        return String.valueOf(inventory.hostVars(host).getOrDefault("unwind_lock_path", HostLock.DEFAULT_PATH));
    }
}
