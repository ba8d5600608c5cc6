package dev.unwind.exec;

import dev.unwind.module.Backups;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.Secrets;
import dev.unwind.report.Event;
import dev.unwind.report.Reporter;
import dev.unwind.undo.Connector;
import dev.unwind.module.ConnectionException;
import dev.unwind.undo.Entry;
import dev.unwind.undo.EntryType;
import dev.unwind.undo.Journal;
import dev.unwind.undo.Pending;
import dev.unwind.undo.UnwindReport;
import dev.unwind.undo.Unwinder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One unwind of journaled changes, reported as it goes (each undo as an event) and ending with a line for every
 * change it could not take back. The run uses it when it fails, {@code unwind rollback} when it finishes a run.
 */
public final class UnwindSession {
    private final Unwinder unwinder;
    private final Reporter reporter;
    private final Connector connector;
    private final UnaryOperator<String> markers;

    /** @param markers a host's {@link TaskMarker} path for the run being unwound */
    public UnwindSession(ModuleCatalog catalog, Connector connector, Backups backups, Secrets secrets, Journal journal,
                         Reporter reporter, int forks, UnaryOperator<String> markers) {
        this.reporter = reporter;
        this.connector = connector;
        this.markers = markers;
        this.unwinder = new Unwinder(catalog, connector, backups, secrets, journal,
                (change, status, msg) -> reporter.on(new Event.UndoResult(change.host(), change.task(), status, msg)), forks);
    }

    /** Stops after the undos now running (a second Ctrl-C, confirmed). */
    public void abandon() {
        unwinder.abandon();
    }

    /** Unwinds {@code changes} newest first; {@code left} hears one line per change that was not undone. */
    public UnwindReport unwind(String why, List<Entry> changes, Consumer<String> left) {
        reporter.on(new Event.UnwindStarted(why, changes.size()));
        stopLeftovers(changes);
        UnwindReport r = unwinder.unwind(changes);
        for (UnwindReport.Failure f : r.failed()) {
            left.accept("NOT undone on " + f.change().target() + ": " + f.change().task() + " (" + f.change().at() + "): "
                    + f.message());
        }
        return r;
    }

    /**
     * Once every change is undone: each handler whose change no undo takes back (a restart) runs its journaled call
     * once more, in the order they ran, so a service restarted for the new configuration restarts on the old one.
     * {@code left} hears one line per call that did not run; true when all did.
     */
    public boolean runAgain(List<Entry> again, Consumer<String> left) {
        boolean all = true;
        Integer step = null;
        for (Entry e : again) {
            if (!e.step().equals(step)) {
                step = e.step();
                reporter.on(new Event.HandlerStarted(e.task(), e.at(), true));
            }
            String problem = unwinder.runAgain(e);
            reporter.on(new Event.HostResult(e.target(), e.task(), problem == null ? "changed" : "failed", false, false,
                    null, problem, null, null));
            if (problem != null) {
                all = false;
                left.accept("NOT run again on " + e.target() + ": the handler " + e.task() + " (" + e.at() + "): " + problem);
            }
        }
        return all;
    }

    /**
     * A task that never ended on a host (the controller died) or lost its host may still be running there: stop it
     * before its undo runs. A host that cannot be reached now fails at its undos, which say so.
     */
    private void stopLeftovers(List<Entry> changes) {
        Map<String, String> hosts = new LinkedHashMap<>();
        for (Entry e : changes) {
            if (e.host() != null && (e.type() != EntryType.CHANGED || "unreachable".equals(e.status()))) {
                hosts.putIfAbsent(e.target(), e.become());
            }
        }
        hosts.forEach((host, user) -> {
            try {
                connector.connect(host, user).exec(TaskMarker.stopLeftover(markers.apply(host)));
            } catch (ConnectionException | RuntimeException unreachable) {
                // its undos will find it unreachable too, and say so
            }
        });
    }

    /** Past the point of no return nothing is unwound: the lines that say so and what ran; empty when not past it. */
    public static List<String> manualRecovery(Pending pending) {
        List<String> lines = new ArrayList<>();
        if (pending.pointOfNoReturn() != null && !pending.left().isEmpty()) {
            lines.add("past the point of no return ('" + pending.pointOfNoReturn().task() + "'): manual recovery. What ran:");
            pending.left().forEach(e -> lines.add("  " + e.host() + ": " + e.task() + " (" + e.at() + ")"));
        }
        return lines;
    }
}
