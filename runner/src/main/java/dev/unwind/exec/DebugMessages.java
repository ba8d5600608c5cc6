package dev.unwind.exec;

import dev.unwind.playbook.Task;

import java.util.List;
import java.util.Map;

/** What a {@code debug} task shows on a host without -v: its message, one per loop item; nothing under no_log. */
final class DebugMessages {
    private static final String MODULE = "debug";

    private DebugMessages() {
    }

    static List<String> of(Task task, HostOutcome outcome) {
        if (!task.module().equals(MODULE) || task.noLog() || !outcome.status().equals("ok")) {
            return List.of();
        }
        if (task.loop() == null) {
            return outcome.msg() == null ? List.of() : List.of(outcome.msg());
        }
        if (!(outcome.result().get("results") instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().filter(i -> i instanceof Map<?, ?> m && m.get("msg") != null)
                .map(i -> String.valueOf(((Map<?, ?>) i).get("msg"))).toList();
    }
}
