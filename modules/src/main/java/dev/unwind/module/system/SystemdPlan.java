package dev.unwind.module.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code systemd} will do to a unit, decided from what the unit is now: the systemctl verbs to run
 * and the arguments of the {@code systemd} call that puts back the previous active and enabled states.
 *
 * @param verbs    systemctl verbs in order (unmask, enable/disable, start/stop/restart/reload, mask)
 * @param undoArgs the inverse call's arguments beyond {@code name}; empty when nothing needs restoring
 */
record SystemdPlan(List<String> verbs, Map<String, Object> undoArgs) {

    static SystemdPlan decide(UnitState now, String state, Boolean enabled) {
        return decide(now, state, enabled, null);
    }

    /** Unmasking comes before everything else, masking after: so the undo of one runs the other's steps in reverse. */
    static SystemdPlan decide(UnitState now, String state, Boolean enabled, Boolean masked) {
        List<String> verbs = new ArrayList<>();
        Map<String, Object> undo = new LinkedHashMap<>();
        if (Boolean.FALSE.equals(masked) && now.masked()) {
            verbs.add("unmask");
            undo.put("masked", true);
        }
        if (enabled != null && enabled != now.enabled()) {
            verbs.add(enabled ? "enable" : "disable");
            undo.put("enabled", now.enabled());
        }
        if (state != null) {
            switch (state) {
                case "started" -> {
                    if (!now.active()) {
                        verbs.add("start");
                        undo.put("state", "stopped");
                    }
                }
                case "stopped" -> {
                    if (now.active()) {
                        verbs.add("stop");
                        undo.put("state", "started");
                    }
                }
                case "restarted" -> {
                    verbs.add("restart");
                    if (!now.active()) {
                        undo.put("state", "stopped");
                    }
                }
                case "reloaded" -> {
                    // Ansible: reloading a stopped unit starts it
                    verbs.add(now.active() ? "reload" : "start");
                    if (!now.active()) {
                        undo.put("state", "stopped");
                    }
                }
                default -> throw new IllegalArgumentException("unknown state " + state);
            }
        }
        if (Boolean.TRUE.equals(masked) && !now.masked()) {
            verbs.add("mask");
            undo.put("masked", false);
        }
        return new SystemdPlan(List.copyOf(verbs), undo);
    }

    boolean changes() {
        return !verbs.isEmpty();
    }
}
