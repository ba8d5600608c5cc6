package dev.unwind.undo;

/** Told of each undo as it ends, for the console and the log. */
public interface UnwindListener {

    void undone(Entry change, UndoStatus status, String message);
}
