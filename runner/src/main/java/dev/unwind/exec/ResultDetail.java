package dev.unwind.exec;

import dev.unwind.module.ModuleCall;
import dev.unwind.module.Undo;

/** The text the console shows under a host's result: its output, and in check mode the undo a real run would journal. */
final class ResultDetail {
    private ResultDetail() {
    }

    static String of(HostOutcome out) {
        StringBuilder sb = new StringBuilder();
        Object stdout = out.result().get("stdout");
        Object stderr = out.result().get("stderr");
        if (stdout != null && !String.valueOf(stdout).isBlank()) {
            sb.append("stdout: ").append(stdout).append('\n');
        }
        if (stderr != null && !String.valueOf(stderr).isBlank()) {
            sb.append("stderr: ").append(stderr).append('\n');
        }
        Object undo = out.result().get("__undo");
        if (undo != null) {
            sb.append("would journal ").append(undo).append('\n');
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** An undo as check mode describes it ("undo: restore_path {...}"). */
    static String describe(Undo undo) {
        if (undo instanceof Undo.NotNeeded n) {
            return "undo: none (" + n.reason() + ")";
        }
        StringBuilder sb = new StringBuilder("undo:");
        for (ModuleCall c : ((Undo.Calls) undo).calls()) {
            sb.append(' ').append(c.module()).append(' ').append(c.args());
        }
        return sb.toString();
    }
}
