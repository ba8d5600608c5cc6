package dev.unwind.exec;

import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The host locks one controller process holds for a run (the run itself, or its rollback): taking them, the
 * heartbeat, learning which were taken over, releasing them.
 *
 * <p>No lock is taken over from a live controller within {@link HostLock#staleSeconds()} of its last heartbeat,
 * so one confirmed less than half that long ago needs no look before the host is touched: the heartbeat keeps
 * them fresh, and only a controller that was paused or cut off for longer looks at the host again.
 */
public final class HeldLocks {
    /** How to reach a host. */
    public interface Connector {
        Connection connect(String host) throws ConnectionException;
    }

    private final LockOwner owner;
    private final Connector hosts;
    private final UnaryOperator<String> lockPath;
    private final Map<String, Stamp> confirmed = new ConcurrentHashMap<>();
    private final Map<String, String> lost = new ConcurrentHashMap<>();

    /** A moment on both clocks: the monotonic one runs on while the process is stopped, the wall clock across a suspend. */
    private record Stamp(long nanos, long millis) {
        static Stamp now() {
            return new Stamp(System.nanoTime(), System.currentTimeMillis());
        }

        long elapsedMillis() {
            return Math.max((System.nanoTime() - nanos) / 1_000_000, System.currentTimeMillis() - millis);
        }
    }

    /** @param lockPath the path of a host's lock file */
    public HeldLocks(LockOwner owner, Connector hosts, UnaryOperator<String> lockPath) {
        this.owner = owner;
        this.hosts = hosts;
        this.lockPath = lockPath;
    }

    /** Heartbeats every third of the stale limit: a lock is never near stale while its controller runs. */
    public static long heartbeatMillis() {
        return HostLock.staleSeconds() * 1000L / 3;
    }

    public HostLock.Result take(String host) throws ConnectionException {
        Connection c = hosts.connect(host);
        Stamp at = Stamp.now();
        HostLock.Result r = HostLock.acquire(c, lockPath.apply(host), owner);
        if (r.held()) {
            confirmed.put(host, at);
        }
        return r;
    }

    public boolean holds(String host) {
        return confirmed.containsKey(host);
    }

    /** The heartbeat: refreshes every lock still held, learning which were taken over. */
    public void refreshAll() {
        held().forEach(this::refresh);
    }

    /**
     * Null while the host's lock is still this process's, else who took it. Looks at the host only when the
     * last confirmation is too old to vouch for the lock.
     */
    public String lostTo(String host) {
        Stamp at = confirmed.get(host);
        if (at != null && !lost.containsKey(host) && at.elapsedMillis() * 2 > HostLock.staleSeconds() * 1000L) {
            refresh(host);
        }
        return lost.get(host);
    }

    /** Throws when the host's lock was taken over, so nothing is done there over the other run's changes. */
    public void requireHeld(String host) throws ConnectionException {
        String takenBy = lostTo(host);
        if (takenBy != null) {
            throw new ConnectionException(host, "its lock was taken over by " + takenBy
                    + ": nothing is done there over that run's changes");
        }
    }

    /** The hosts taken over, with who holds them now. */
    public Map<String, String> lost() {
        return Map.copyOf(lost);
    }

    /**
     * Releases every lock still held, on all hosts at once (one round trip each, the last thing a run waits for);
     * {@code failed} hears of each host where that could not be done.
     */
    public void releaseAll(BiConsumer<String, Exception> failed) {
        List<Thread> releasing = new ArrayList<>();
        for (String host : held()) {
            Thread t = new Thread(() -> {
                try {
                    HostLock.release(hosts.connect(host), lockPath.apply(host), owner);
                } catch (ConnectionException | RuntimeException e) {
                    failed.accept(host, e);
                }
            }, "lock-release");
            t.setDaemon(true);
            t.start();
            releasing.add(t);
        }
        for (Thread t : releasing) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        confirmed.clear();
    }

    private Set<String> held() {
        return confirmed.keySet().stream().filter(h -> !lost.containsKey(h)).collect(Collectors.toSet());
    }

    private void refresh(String host) {
        try {
            Stamp at = Stamp.now();
            String other = HostLock.refresh(hosts.connect(host), lockPath.apply(host), owner);
            if (other == null) {
                confirmed.put(host, at);
            } else {
                lost.putIfAbsent(host, other);
            }
        } catch (ConnectionException | RuntimeException ignored) {
            // the next command on the host reports it unreachable
        }
    }
}
