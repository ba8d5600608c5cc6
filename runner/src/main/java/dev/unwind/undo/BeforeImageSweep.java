package dev.unwind.undo;

import dev.unwind.module.Backups;
import dev.unwind.module.Command;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.Shell;
import dev.unwind.module.files.RestorePath;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes the before-images a run kept on its hosts ({@link dev.unwind.module.files.BeforeImage}: large files'
 * previous content beside them) once nothing can need them: the run ended with nothing left to roll back. The
 * changes still journaled as not undone name them; an undone change's image was renamed back already.
 */
public final class BeforeImageSweep {
    /** The message of a run's end when before-images may still be on its hosts. */
    public static final String KEPT = "before-images kept on the hosts";

    private BeforeImageSweep() {
    }

    /** @return one line per image that could not be removed (its host unreachable, say), for the run's notes */
    public static List<String> sweep(List<Entry> changes, Backups backups, Connector connector) {
        List<String> left = new ArrayList<>();
        for (Entry change : changes) {
            List<String> asides = asides(change, backups);
            if (asides.isEmpty()) {
                continue;
            }
            String rm = "rm -f --" + asides.stream().map(a -> " " + Shell.quote(a)).reduce("", String::concat);
            try {
                ExecResult r = connector.connect(change.target(), change.become()).exec(Command.of(rm));
                if (!r.ok()) {
                    left.add("before-images left on " + change.target() + ": " + String.join(", ", asides) + " (" + r.stderr().strip() + ")");
                }
            } catch (ConnectionException | RuntimeException e) {
                left.add("before-images left on " + change.target() + ": " + String.join(", ", asides) + " (" + e.getMessage() + ")");
            }
        }
        return left;
    }

    private static List<String> asides(Entry change, Backups backups) {
        List<ModuleCall> calls;
        try {
            calls = Unwinder.calls(change, backups);
        } catch (RuntimeException unreadable) {
            return List.of();
        }
        if (calls == null) {
            return List.of();
        }
        return calls.stream().filter(c -> c.module().equals(RestorePath.NAME) && c.args().get("aside") != null)
                .map(c -> String.valueOf(c.args().get("aside"))).toList();
    }
}
