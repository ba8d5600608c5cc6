package dev.unwind.module;

/**
 * The before-state an undo needs (a file's previous bytes), kept beside the journal with mode 0600.
 * Modules save bytes and put the returned reference in their undo's arguments.
 */
public interface Backups {

    /** Stores the bytes and returns a reference to put in an undo call. */
    String save(String host, byte[] content);

    byte[] load(String reference);
}
