package dev.unwind.exec;

import dev.unwind.playbook.OnFailure;
import dev.unwind.playbook.Play;
import dev.unwind.run.RunDirectory;
import dev.unwind.undo.Entry;
import dev.unwind.undo.Journal;
import dev.unwind.undo.JournalContents;
import dev.unwind.undo.Pending;
import dev.unwind.undo.UnwindReport;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How a run that failed or was interrupted ends: the play's {@code on_failure} decides, then the unwind of what the
 * journal says is left (possibly-changed tasks included), and the point of no return, past which nothing is unwound.
 */
final class RunEnding {
    private final RunSettings settings;
    private final RunDirectory run;
    private final Supplier<UnwindSession> sessions;
    private final Interrupt interrupt;
    private final RunState state;

    RunEnding(RunSettings settings, RunDirectory run, Supplier<UnwindSession> sessions, Interrupt interrupt, RunState state) {
        this.settings = settings;
        this.run = run;
        this.sessions = sessions;
        this.interrupt = interrupt;
        this.state = state;
    }

    /** The play failed: act on its on_failure. */
    RunResult failed(Play play, String why) {
        state.note(why);
        state.failed(why);
        if (settings.check()) {
            return state.result(RunStatus.FAILED);
        }
        if (play.onFailure() == OnFailure.STOP) {
            boolean changes = !Pending.of(Journal.read(run.journal()).entries()).left().isEmpty();
            if (changes) {
                state.note("on_failure: stop — nothing was unwound; to take the changes back: unwind rollback " + run.id());
            }
            return state.result(changes ? RunStatus.STOPPED : RunStatus.FAILED);
        }
        return unwindAll(why, false);
    }

    RunResult unwindAll(String why, boolean interrupted) {
        JournalContents journaled = Journal.read(run.journal());
        Pending pending = Pending.of(journaled.entries());
        List<String> manual = UnwindSession.manualRecovery(pending);
        if (!manual.isEmpty()) {
            state.notes(manual);
            return state.result(RunStatus.UNWIND_INCOMPLETE);
        }
        UnwindReport report = unwind(pending.unwindable(), why);
        journaled.damage().forEach(d -> state.note("the journal " + run.journal() + " " + d + ": what it held is not unwound"));
        if (!report.complete() || journaled.mayMissEntries() || !runAgain(pending.toRunAgain())) {
            return state.result(RunStatus.UNWIND_INCOMPLETE);
        }
        if (!pending.unwindable().isEmpty()) {
            state.note("every change was unwound: the hosts are where they started");
        }
        return state.result(interrupted ? RunStatus.INTERRUPTED : RunStatus.UNWOUND);
    }

    /** {@code on_failure: unwind_host}: only the failed host goes back; the others go on. False: not all of it. */
    boolean unwindHost(String host, String why) {
        Pending pending = Pending.of(Journal.read(run.journal()).entries());
        UnwindReport r = unwind(pending.forHost(host), why + " (unwinding " + host + " only)");
        if (!r.complete()) {
            state.note("could not unwind everything on " + host);
            state.leftSomething();
            return false;
        }
        if (!runAgain(pending.toRunAgain().stream().filter(e -> e.host().equals(host)).toList())) {
            state.leftSomething();
            return false;
        }
        return true;
    }

    /**
     * A block with rescue failed on {@code host}: its changes on that host since step {@code fromStep} are unwound, so
     * that the rescue starts from where the block did; false when they could not all be.
     */
    boolean unwindBlock(String host, int fromStep, String why) {
        Pending pending = Pending.of(Journal.read(run.journal()).entries());
        List<Entry> inBlock = pending.forHost(host).stream().filter(e -> e.step() != null && e.step() >= fromStep).toList();
        return unwind(inBlock, why + ": unwinding the block on " + host).complete();
    }

    /** A bug, a journal that cannot be written, an OutOfMemoryError: what is journaled is still unwound. */
    RunResult afterInternalError(Throwable e, String why) {
        state.failed(why);
        try {
            return unwindAll(why, false);
        } catch (RuntimeException | Error again) {
            state.note("the unwind failed too (" + again + "); to finish it: unwind rollback " + run.id());
            return state.result(RunStatus.UNWIND_INCOMPLETE);
        }
    }

    /**
     * The run ends: what it changed on the hosts it still holds unwinds as the play says; on a host taken from it
     * every undo fails (its connector checks the lock), so nothing is unwound over the other run's changes, and it
     * is left to {@code unwind rollback}, which takes the lock back only once that run is gone.
     */
    RunResult lockLost(Play play, Map<String, String> lost) {
        String why = lost.entrySet().stream().map(e -> "the lock on " + e.getKey() + " was taken over by " + e.getValue())
                .collect(Collectors.joining("; "));
        RunResult r = failed(play, why);
        state.note("nothing more was done on " + String.join(", ", lost.keySet()) + "; once the other run has ended, to take"
                + " back what this run changed there: unwind rollback " + run.id());
        return r.status() == RunStatus.UNWIND_INCOMPLETE ? r : state.result(RunStatus.UNWIND_INCOMPLETE);
    }

    /**
     * Once the unwind restored the hosts: the handlers whose change no undo takes back (a restart) run their journaled
     * call again ({@link UnwindSession#runAgain}); false when one did not.
     */
    private boolean runAgain(List<Entry> again) {
        return again.isEmpty() || sessions.get().runAgain(again, state::note);
    }

    private UnwindReport unwind(List<Entry> changes, String why) {
        UnwindSession session = sessions.get();
        interrupt.onRepeat(() -> {
            if (UnwindPrompt.confirmAbandon()) {
                session.abandon();
            }
        });
        UnwindReport r = session.unwind(why, changes, state::note);
        if (r.abandoned()) {
            state.note("the unwind was abandoned; to finish it: unwind rollback " + run.id());
        } else if (!r.complete()) {
            state.note("to retry what is left: unwind rollback " + run.id());
        }
        return r;
    }
}
