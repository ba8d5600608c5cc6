package dev.unwind.cli;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.playbook.Block;
import dev.unwind.playbook.Play;
import dev.unwind.playbook.Playbook;
import dev.unwind.playbook.PlaybookLoader;
import dev.unwind.playbook.Task;
import dev.unwind.playbook.TaskNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The upgrade's changing phases by number or name; the playbook tags each phase's last changing task
 * ({@link UpgradeTag#endOfPhase}), which is where a rehearsed failure goes.
 */
public final class UpgradePhases {
    private static final Map<String, String> NAMES = Map.of("backup", "5", "quiesce", "6", "controllers", "7", "workers", "8",
            "mke4k", "9", "identity", "10", "verify", "11");

    private UpgradePhases() {
    }

    /** The name of the task a failure at the end of {@code phase} (5-11 or its name) is injected after, in the shipped playbook. */
    public static String task(String phase) {
        Path shipped = ShippedFiles.playbook("mke3-to-mke4k.yml");
        return task(phase, new PlaybookLoader(Catalogs.forPlaybook(shipped)).load(shipped));
    }

    private static String task(String phase, Playbook playbook) {
        String tag = UpgradeTag.endOfPhase(NAMES.getOrDefault(phase, phase));
        return playbook.plays().stream().map(Play::tasks).map(nodes -> tagged(nodes, tag)).flatMap(Optional::stream)
                .findFirst().map(Task::label)
                .orElseThrow(() -> new InvalidInput(Position.of("--fail-at"), "no phase '" + phase + "' (no task tagged " + tag
                        + " in " + playbook.file() + "): give 5-11 or one of " + String.join(", ", NAMES.keySet())));
    }

    /**
     * The labels of the tasks up to the end of phase 6, the quiesce: what mkectl's rollback calls its "Pre Upgrade
     * Tasks", undone last. Empty when no task carries that phase's tag (an edited playbook).
     */
    public static Set<String> preUpgradeTasks(Playbook playbook) {
        String tag = UpgradeTag.endOfPhase("6");
        List<Task> all = new ArrayList<>();
        playbook.plays().forEach(play -> flatten(play.tasks(), all));
        Set<String> labels = new LinkedHashSet<>();
        for (Task t : all) {
            labels.add(t.label());
            if (t.tags().contains(tag)) {
                return labels;
            }
        }
        return Set.of();
    }

    private static void flatten(List<TaskNode> nodes, List<Task> into) {
        for (TaskNode node : nodes) {
            if (node instanceof Task t) {
                into.add(t);
            } else {
                flatten(((Block) node).tasks(), into);
            }
        }
    }

    private static Optional<Task> tagged(List<TaskNode> nodes, String tag) {
        for (TaskNode node : nodes) {
            Optional<Task> found = node instanceof Task t ? Optional.of(t).filter(x -> x.tags().contains(tag))
                    : tagged(((Block) node).tasks(), tag);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
