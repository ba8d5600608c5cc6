package dev.unwind.module;

/** What a module offers for undo; the loader uses it to enforce "every change has an undo". */
public enum UndoKind {
    /** Never changes a host: needs no undo. */
    READ_ONLY,
    /** Returns its own inverse in the {@link Outcome}. */
    AUTOMATIC,
    /** Cannot know its inverse: the task must say {@code undo:} or {@code undo: none} with a reason. */
    EXPLICIT
}
