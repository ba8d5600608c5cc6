package dev.unwind.exec;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The host locks a run holds, when each was last confirmed as still its own, and those taken over from it.
 *
 * <p>No lock is taken over from a live controller within {@link HostLock#staleSeconds()} of its last heartbeat,
 * so one confirmed less than half that long ago needs no look before a task: the heartbeat keeps them fresh, and
 * only a controller that was paused or cut off for longer looks at the host again before touching it.
 */
final class HeldLocks {
    private final Map<String, Stamp> confirmed = new ConcurrentHashMap<>();
    private final Map<String, String> lost = new ConcurrentHashMap<>();

    /** A moment on both clocks: the monotonic one runs on while the process is stopped, the wall clock across a suspend. */
    record Stamp(long nanos, long millis) {
        static Stamp now() {
            return new Stamp(System.nanoTime(), System.currentTimeMillis());
        }

        long elapsedMillis() {
            return Math.max((System.nanoTime() - nanos) / 1_000_000, System.currentTimeMillis() - millis);
        }
    }

    /** The host's lock was this run's when a look that began at {@code at} was sent. */
    void confirmed(String host, Stamp at) {
        confirmed.put(host, at);
    }

    void lost(String host, String holder) {
        lost.putIfAbsent(host, holder);
    }

    boolean holds(String host) {
        return confirmed.containsKey(host);
    }

    /** The last confirmation is too old to vouch for the lock. */
    boolean due(String host) {
        Stamp at = confirmed.get(host);
        return at != null && !lost.containsKey(host) && at.elapsedMillis() * 2 > HostLock.staleSeconds() * 1000L;
    }

    /** Who took the host's lock, or null. */
    String lostTo(String host) {
        return lost.get(host);
    }

    Map<String, String> lost() {
        return Map.copyOf(lost);
    }

    /** The hosts whose locks are still this run's, as far as it knows. */
    Set<String> hosts() {
        return confirmed.keySet().stream().filter(h -> !lost.containsKey(h)).collect(Collectors.toSet());
    }

    void clear() {
        confirmed.clear();
    }
}
