package dev.unwind.module.accounts;

import java.util.ArrayList;
import java.util.List;

/**
 * What one account file held for one name before a change: the exact line, or none ({@code line} null), and the
 * name of the line before it ({@code after}, null for the first line), so that a removed line goes back where it was.
 */
public record PriorEntry(AccountFile file, String name, String line, String after) {

    public boolean absent() {
        return line == null;
    }

    /** {@code lines} with this entry put back: replaced in place, removed, or inserted after its former neighbour. */
    public List<String> applyTo(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        int at = -1;
        for (int i = 0; i < out.size(); i++) {
            if (AccountText.keyOf(out.get(i)).equals(name)) {
                at = i;
                break;
            }
        }
        if (line == null) {
            if (at >= 0) {
                out.remove(at);
            }
            return out;
        }
        if (at >= 0) {
            out.set(at, line);
            return out;
        }
        int pos = out.size();
        if (after == null) {
            pos = 0;
        } else {
            for (int i = 0; i < out.size(); i++) {
                if (AccountText.keyOf(out.get(i)).equals(after)) {
                    pos = i + 1;
                    break;
                }
            }
        }
        out.add(pos, line);
        return out;
    }

    /** Whether {@code text} holds this entry as recorded (the read-back check). */
    public boolean heldBy(AccountText text) {
        return text.line(name).orElse(null) == null ? line == null : text.line(name).get().equals(line);
    }
}
