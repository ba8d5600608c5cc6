package dev.unwind.cli;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;

import java.util.Map;

/** The upgrade's changing phases by number or name, each with its last changing task (where a rehearsed failure goes). */
public final class UpgradePhases {
    private static final Map<String, String> TASKS = Map.of(
            "5", "Back up MKE 3: copy the backups to the controller",
            "6", "Quiesce MKE 3: stop them",
            "7", "k0s controllers: start the other managers",
            "8", "k0s workers: start",
            "9", "MKE 4k: the MKE 4k configuration",
            "10", "Migrate organizations, teams and grants",
            "11", "Write the admin kubeconfig");
    private static final Map<String, String> NAMES = Map.of("backup", "5", "quiesce", "6", "controllers", "7", "workers", "8",
            "mke4k", "9", "identity", "10", "verify", "11");

    private UpgradePhases() {
    }

    /** The task a failure at the end of {@code phase} (5-11 or its name) is injected after. */
    public static String task(String phase) {
        String task = TASKS.get(NAMES.getOrDefault(phase, phase));
        if (task == null) {
            throw new InvalidInput(Position.of("--fail-at"), "no phase '" + phase + "': give 5-11 or one of "
                    + String.join(", ", NAMES.keySet()));
        }
        return task;
    }
}
