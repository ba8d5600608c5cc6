package dev.unwind.cli;

import dev.unwind.exec.HeldLocks;
import dev.unwind.exec.HostLock;
import dev.unwind.exec.LockOwner;
import dev.unwind.inventory.Inventory;
import dev.unwind.module.ConnectionException;
import dev.unwind.report.Event;
import dev.unwind.report.Reporter;
import dev.unwind.transport.Transports;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The host locks a rollback takes for its run, as the run itself would: the run's own lock, left by a controller
 * that has ended, is taken over; a host that another live run holds is left alone and named. Kept fresh by a
 * heartbeat while the rollback runs, released when it ends.
 */
final class RollbackLocks implements AutoCloseable {
    private final HeldLocks held;
    private final Map<String, String> refused = new LinkedHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rollback-lock-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private RollbackLocks(HeldLocks held) {
        this.held = held;
    }

    /**
     * Takes the locks of {@code hosts}, reached with {@code vars} (a host's variables as the run reached it); one the
     * inventory does not know, or cannot reach, fails at its undo instead.
     */
    static RollbackLocks take(Collection<String> hosts, Inventory inventory, Function<String, Map<String, Object>> vars,
                              Transports transports, String runId, Reporter reporter) {
        RollbackLocks locks = new RollbackLocks(new HeldLocks(LockOwner.self(runId),
                host -> transports.connect(host, vars.apply(host)),
                host -> String.valueOf(vars.apply(host).getOrDefault("unwind_lock_path", HostLock.DEFAULT_PATH))));
        for (String host : hosts) {
            if (!inventory.knows(host)) {
                continue;
            }
            try {
                HostLock.Result r = locks.held.take(host);
                if (!r.held()) {
                    locks.refused.put(host, r.message());
                } else if (r.outcome() == HostLock.Outcome.TAKEN_OVER) {
                    reporter.on(new Event.Note(host + ": " + r.message()));
                }
            } catch (ConnectionException | RuntimeException e) {
                // its undos report the host unreachable
            }
        }
        locks.heartbeat.scheduleAtFixedRate(locks.held::refreshAll, HeldLocks.heartbeatMillis(), HeldLocks.heartbeatMillis(),
                TimeUnit.MILLISECONDS);
        return locks;
    }

    /** The hosts another run held when the rollback began, with who holds them: nothing is undone there. */
    Map<String, String> refused() {
        return refused;
    }

    /** Throws when the host's lock was taken over since the rollback took it. */
    void requireHeld(String host) throws ConnectionException {
        held.requireHeld(host);
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        // an unreachable host keeps the lock until a later run finds this controller gone
        held.releaseAll((host, e) -> { });
    }
}
