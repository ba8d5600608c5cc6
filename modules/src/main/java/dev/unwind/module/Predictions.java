package dev.unwind.module;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What earlier tasks of a check-mode run said they would make, host by host, so that a later task whose input
 * the real run would have made by then (a unit file {@code copy} would place, a user {@code user} would add, a
 * package {@code apt} would install) predicts from that — "would change" — instead of failing on its absence.
 * Only check mode records; a real run finds the real things. One per run, shared by its tasks.
 */
public final class Predictions {
    /** What a prediction is about. */
    public enum Kind {
        /** a file, folder or link, by absolute path */
        PATH,
        USER,
        GROUP,
        PACKAGE,
        /** a systemd unit, by full name ({@code nginx.service}) */
        UNIT
    }

    private final Map<String, Map<Kind, Set<String>>> byHost = new ConcurrentHashMap<>();

    /** One host's view: what it is predicted to have. */
    public record OnHost(Predictions all, String host) {
        /** Records that the real run would make {@code name} on this host by now. */
        public void add(Kind kind, String name) {
            all.byHost.computeIfAbsent(host, h -> new ConcurrentHashMap<>()).computeIfAbsent(kind, k -> ConcurrentHashMap.newKeySet())
                    .add(name);
        }

        public boolean has(Kind kind, String name) {
            return all.byHost.getOrDefault(host, Map.of()).getOrDefault(kind, Set.of()).contains(name);
        }

        public boolean any(Kind kind) {
            return !all.byHost.getOrDefault(host, Map.of()).getOrDefault(kind, Set.of()).isEmpty();
        }
    }

    public OnHost on(String host) {
        return new OnHost(this, host);
    }
}
