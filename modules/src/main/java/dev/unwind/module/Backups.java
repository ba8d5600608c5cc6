package dev.unwind.module;

/**
 * The before-state an undo needs (a file's previous bytes), kept beside the journal with mode 0600.
 * Modules save bytes and put the returned reference in their undo's arguments. Large files' before-images stay on
 * their hosts instead ({@link dev.unwind.module.files.BeforeImage}), named after {@link #runId()}.
 */
public interface Backups {

    /** The run these backups belong to. */
    String runId();

    /** Stores the bytes and returns a reference to put in an undo call. */
    String save(String host, byte[] content);

    byte[] load(String reference);
}
