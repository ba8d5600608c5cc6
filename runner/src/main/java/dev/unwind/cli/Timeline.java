package dev.unwind.cli;

import dev.unwind.module.ModuleCall;
import dev.unwind.undo.Entry;

/** One journal entry as a line a person reads. */
final class Timeline {
    private Timeline() {
    }

    static String line(Entry e) {
        String when = e.time() == null ? "" : e.time().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z");
        String what = switch (e.type()) {
            case "run" -> "run started: " + e.run();
            case "started" -> "step " + e.step() + " " + e.host() + ": started '" + e.task() + "' (" + e.at() + ")";
            case "changed" -> "step " + e.step() + " " + e.host() + ": changed by '" + e.task() + "'; undo: " + undo(e);
            case "unchanged" -> "step " + e.step() + " " + e.host() + ": '" + e.task() + "' ended " + e.status();
            case "point_of_no_return" -> "step " + e.step() + ": point of no return at '" + e.task() + "' (" + e.at() + ")";
            case "undone" -> "       " + e.host() + ": undone #" + e.ref() + " '" + e.task() + "'";
            case "undo_failed" -> "       " + e.host() + ": UNDO FAILED #" + e.ref() + " '" + e.task() + "': " + e.message();
            case "locked" -> "       " + e.host() + ": locked (" + e.at() + ")";
            case "end" -> "run ended: " + e.status();
            default -> e.type();
        };
        return String.format("%-21s #%-4d %s", when, e.seq(), what);
    }

    private static String undo(Entry e) {
        if (e.reason() != null) {
            return "none (" + e.reason() + ")";
        }
        if (e.undoRef() != null) {
            return "kept in backups (it holds a secret)";
        }
        if (e.undo() == null) {
            return "MISSING";
        }
        StringBuilder sb = new StringBuilder();
        for (ModuleCall c : e.undo()) {
            sb.append(sb.length() == 0 ? "" : "; ").append(c.module()).append(' ').append(c.args());
        }
        return sb.toString();
    }
}
