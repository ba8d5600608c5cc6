package dev.unwind.report;

import java.util.List;
import java.util.Map;

/** Something that happened in a run, in the order it happened. */
public sealed interface Event {

    record RunStarted(String runId, String playbook, String runDir, boolean check) implements Event {
    }

    record PlayStarted(String name, List<String> hosts) implements Event {
    }

    /** {@code number} of {@code total} tasks in the play. */
    record TaskStarted(String name, String at, int number, int total) implements Event {
    }

    /** A handler runs on the hosts that notified it; {@code again}: once more, after an unwind took back its cause. */
    record HandlerStarted(String name, String at, boolean again) implements Event {
    }

    /**
     * One host's result of a task.
     *
     * @param status   ok, changed, skipped, failed, unreachable
     * @param detail   longer text shown with -v (output, the undo that was or would be journaled)
     * @param diff     a unified diff, or null
     */
    record HostResult(String host, String task, String status, boolean check, boolean ignored, String item,
                      String msg, String detail, String diff) implements Event {
    }

    record Output(String host, String line) implements Event {
    }

    /** What a {@code debug} task shows: printed at every verbosity, as Ansible does. */
    record Shown(String host, String text) implements Event {
    }

    record UnwindStarted(String reason, int changes) implements Event {
    }

    record UndoResult(String host, String task, dev.unwind.undo.UndoStatus status, String msg) implements Event {
    }

    record Note(String text) implements Event {
    }

    /** The end of the run: {@code status} is ok, failed, unwound, unwind_incomplete or interrupted. */
    record Recap(String runId, String status, Map<String, Counts> hosts, List<String> notes, String journal) implements Event {
    }
}
