package dev.unwind.cli;

import dev.unwind.report.Event;
import dev.unwind.report.Reporter;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The unwind of a failed upgrade, told in mkectl's words (its documented rollback log): "Initiating rollback because
 * of upgrade failure" and "Initiating rollback of MKE to version: 3.8.5", then "Step 1 of 2: [Rollback Upgrade Tasks]" (k0s and MKE 4k taken down: phases 7-11) and
 * "Step 2 of 2: [Rollback Pre Upgrade Tasks]" (the quiesce and what came before it), each "Completed", and "Rollback
 * to MKE version 3.8.5 completed successfully" when every change was undone. The unwind goes newest first, so the steps follow
 * each other as mkectl's do. Hosts undo in parallel, so one event is told whole before the next is looked at: the step
 * header must reach the console before the first undo line of that step, and only once.
 */
final class RollbackWording implements Reporter {
    private static final String UPGRADE_TASKS = "[Rollback Upgrade Tasks]";
    private static final String PRE_UPGRADE_TASKS = "[Rollback Pre Upgrade Tasks]";

    private final Reporter inner;
    private final Set<String> preUpgradeTasks;
    private final Supplier<Optional<String>> version;
    private int step;
    private boolean rolledBack;

    /**
     * @param preUpgradeTasks the labels of the tasks whose undo is step 2 ({@link UpgradePhases#preUpgradeTasks})
     * @param version         the MKE 3 version the run found, once it has (not known if discovery did not get there)
     */
    RollbackWording(Reporter inner, Set<String> preUpgradeTasks, Supplier<Optional<String>> version) {
        this.inner = inner;
        this.preUpgradeTasks = preUpgradeTasks;
        this.version = version;
    }

    @Override
    public synchronized void on(Event event) {
        if (event instanceof Event.UnwindStarted u && u.changes() == 0) {
            return;
        }
        if (event instanceof Event.UnwindStarted u) {
            note("\nInitiating rollback because of upgrade failure. upgradeErr = " + u.reason());
            version.get().ifPresent(v -> note("Initiating rollback of MKE to version: " + v));
        }
        if (event instanceof Event.UndoResult undo) {
            enter(preUpgradeTasks.contains(undo.task()) ? 2 : 1);
            rolledBack = true;
        }
        if (event instanceof Event.Recap r && rolledBack) {
            if (r.status().equals("unwound") || r.status().equals("interrupted")) {
                enter(3);
                note("Rollback to MKE " + version.get().map(v -> "version " + v).orElse("3")
                        + " completed successfully: every node is back where it started.");
            } else {
                note(name(step) + " did not complete: the journal names what is left (unwind rollback finishes it)");
            }
        }
        inner.on(event);
    }

    /** Closes the steps before {@code next} (3: the end), opening each in turn, so that both are always told. */
    private void enter(int next) {
        while (step < next) {
            if (step >= 1) {
                note(name(step) + " Completed");
            }
            step++;
            if (step <= 2) {
                note("Step " + step + " of 2: " + name(step));
            }
        }
    }

    private static String name(int step) {
        return step == 1 ? UPGRADE_TASKS : PRE_UPGRADE_TASKS;
    }

    private void note(String text) {
        inner.on(new Event.Note(text));
    }

    @Override
    public void close() {
        inner.close();
    }
}
