package dev.unwind.cli;

import dev.unwind.module.ModuleCall;
import dev.unwind.undo.Entry;

/** One journal entry as a line a person reads. */
final class Timeline {
    private Timeline() {
    }

    static String line(Entry e) {
        String when = e.time() == null ? "" : e.time().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z");
        String slot = "step " + e.step() + " " + e.host() + (e.item() == null ? "" : " item " + e.item());
        String what = switch (e.type()) {
            case RUN -> "run started: " + e.run();
            case STARTED -> slot + ": started '" + e.task() + "' (" + e.at() + ")";
            case PREPARED -> slot + ": '" + e.task() + "' is about to change it; undo: " + undo(e);
            case CHANGED -> slot + ": changed by '" + e.task() + "'" + (e.status() == null || e.status().equals("changed") ? ""
                    : " (possibly: it " + e.status() + ")") + "; undo: " + undo(e);
            case UNCHANGED -> slot + ": '" + e.task() + "' ended " + e.status();
            case POINT_OF_NO_RETURN -> "step " + e.step() + ": point of no return at '" + e.task() + "' (" + e.at() + ")";
            case UNDONE -> "       " + e.host() + ": undone #" + e.ref() + " '" + e.task() + "'";
            case UNDO_FAILED -> "       " + e.host() + ": UNDO FAILED #" + e.ref() + " '" + e.task() + "': " + e.message();
            case LOCKED -> "       " + e.host() + ": locked (" + e.at() + ")";
            case END -> "run ended: " + e.status() + (e.message() == null ? "" : " (" + e.message() + ")");
            case AGAIN -> slot + ": the handler '" + e.task() + "' runs again after an unwind: " + undo(e);
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
