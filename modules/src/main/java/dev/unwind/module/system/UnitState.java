package dev.unwind.module.system;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A systemd unit as {@code systemctl show -p LoadState -p ActiveState -p UnitFileState} reports it. */
record UnitState(String loadState, String activeState, String unitFileState) {
    /** The states for which {@code systemctl is-enabled} answers 0. */
    private static final Set<String> ENABLED = Set.of("enabled", "enabled-runtime", "static", "alias", "indirect", "generated", "transient");

    /** A unit an earlier task of a check-mode run would have placed: loaded after a daemon-reload, not started, not enabled. */
    static final UnitState AWAITED = new UnitState("loaded", "inactive", "disabled");

    static UnitState parse(String show) {
        Map<String, String> p = new HashMap<>();
        for (String line : show.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                p.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return new UnitState(p.getOrDefault("LoadState", ""), p.getOrDefault("ActiveState", ""), p.getOrDefault("UnitFileState", ""));
    }

    boolean found() {
        return !loadState.equals("not-found") && !loadState.isEmpty();
    }

    boolean active() {
        return activeState.equals("active") || activeState.equals("activating") || activeState.equals("reloading");
    }

    boolean masked() {
        return unitFileState.equals("masked") || unitFileState.equals("masked-runtime") || loadState.equals("masked");
    }

    boolean enabled() {
        return ENABLED.contains(unitFileState);
    }
}
