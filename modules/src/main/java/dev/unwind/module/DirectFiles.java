package dev.unwind.module;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A way of moving files to and from a host that runs no command there for the bytes (SFTP over SSH), as
 * {@link Connection#direct()} offers it; a put ends with one short command that syncs the temporary file and renames it
 * into place. The views of a connection that change how commands run (a task's timeout, its task marker) pass it
 * through unchanged; become does not, since it writes as the login user.
 */
public interface DirectFiles {

    /** What a direct transfer came to. */
    enum Result {
        DONE,
        /** get: there is no regular file at the path */
        ABSENT,
        /** the host turned out not to offer this way (no SFTP subsystem): move the file through commands */
        REFUSED
    }

    /** Opens the content anew for each attempt. */
    interface Source {
        InputStream open() throws java.io.IOException;
    }

    /**
     * Writes {@code path} atomically (a temporary file beside it, then rename), with {@code mode} or the replaced file's
     * mode or 0644, as {@link Connection#put(byte[], String, String)} does; {@code DONE} or {@code REFUSED}.
     */
    Result put(Source content, String path, String mode) throws ConnectionException;

    /** Copies the regular file at {@code path} into {@code into} as it is read. */
    Result get(String path, OutputStream into) throws ConnectionException;
}
