package dev.unwind.module;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A way to run commands and move files on one host. Implementations provide {@link #exec};
 * file operations default to portable POSIX shell so that they work the same over every
 * transport and under become, unless the transport offers a way that runs no command ({@link #direct()}).
 */
public interface Connection extends AutoCloseable {

    /** The inventory name of the host. */
    String host();

    ExecResult exec(Command command) throws ConnectionException;

    /** This connection with every command (and file operation) run through {@code become}. */
    default Connection becoming(Become become) {
        return become == null ? this : new BecomingConnection(this, become);
    }

    default FileStat stat(String path) throws ConnectionException {
        ExecResult r = exec(Command.of(FileStat.script(Shell.quote(path))));
        if (!r.ok()) {
            throw new IllegalStateException("cannot stat " + path + " on " + host() + ": " + r.stderr().strip());
        }
        return FileStat.parse(r.stdout());
    }

    /**
     * How this connection moves files without running a command on the host (SFTP over SSH), or empty where files go
     * through commands only. The file operations below use it where it is offered, else the shell; a view of a
     * connection that changes how commands run passes it through (see {@link DirectFiles}).
     */
    default Optional<DirectFiles> direct() {
        return Optional.empty();
    }

    /** The bytes of a file, or empty when it does not exist. */
    default Optional<byte[]> get(String path) throws ConnectionException {
        Optional<DirectFiles> d = direct();
        if (d.isPresent()) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            switch (d.get().get(path, buf)) {
                case DONE -> {
                    return Optional.of(buf.toByteArray());
                }
                case ABSENT -> {
                    return Optional.empty();
                }
                case REFUSED -> {
                    // through the shell
                }
            }
        }
        String q = Shell.quote(path);
        ExecResult r = exec(Command.of("if [ -f " + q + " ]; then cat -- " + q + "; else exit 3; fi"));
        if (r.exitCode() == 3) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw new IllegalStateException("cannot read " + path + " on " + host() + ": " + r.stderr().strip());
        }
        return Optional.of(r.out());
    }

    /**
     * Writes a file atomically (a temporary file beside it, then rename). {@code mode} is octal text
     * such as "0644"; null keeps the mode of the file being replaced, or 0644 for a new one. For small content:
     * over the shell it is one command with the bytes as its stdin; a file of any size goes through
     * {@link #put(Path, String, String)}.
     */
    default void put(byte[] content, String path, String mode) throws ConnectionException {
        Optional<DirectFiles> d = direct();
        if (content.length >= DIRECT_MIN && d.isPresent()
                && d.get().put(() -> new ByteArrayInputStream(content), path, mode) == DirectFiles.Result.DONE) {
            return;
        }
        shellPut(content, path, mode);
    }

    /**
     * Writes a controller file to {@code path} atomically, as {@link #put(byte[], String, String)} does, reading
     * {@code source} as it goes: directly where the connection can, else over the shell in {@link #CHUNK} pieces
     * appended to the temporary file, so neither side holds more than one piece. A transfer that fails leaves the
     * destination as it was and removes the temporary file where the host can still be reached.
     */
    default void put(Path source, String path, String mode) throws ConnectionException {
        long size;
        try {
            size = Files.size(source);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + source + " on the controller: " + e.getMessage(), e);
        }
        Optional<DirectFiles> d = direct();
        if (size >= DIRECT_MIN && d.isPresent()
                && d.get().put(() -> Files.newInputStream(source), path, mode) == DirectFiles.Result.DONE) {
            return;
        }
        try (InputStream in = Files.newInputStream(source)) {
            if (size < CHUNK) {
                shellPut(in.readAllBytes(), path, mode);
                return;
            }
            ExecResult made = exec(Command.of("mktemp " + Shell.quote(path + ".unwind.XXXXXX")));
            if (!made.ok()) {
                throw new IllegalStateException("cannot write " + path + " on " + host() + ": " + made.stderr().strip());
            }
            String t = Shell.quote(made.stdout().strip());
            try {
                // one buffer for every piece: a piece is as large as the JVM's humongous objects, allocated once
                byte[] piece = new byte[CHUNK];
                for (int n; (n = in.readNBytes(piece, 0, CHUNK)) > 0; ) {
                    checked(exec(Command.of("cat >> " + t).withStdin(n == CHUNK ? piece : Arrays.copyOf(piece, n))), path);
                }
                checked(exec(Command.of("t=" + t + " && " + settle(Shell.quote(path), mode))), path);
            } catch (IOException | RuntimeException | ConnectionException e) {
                try {
                    exec(Command.of("rm -f -- " + t));
                } catch (ConnectionException gone) {
                    // the host went away mid-transfer: the undo (restore_path) removes the temporary file
                }
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + source + " on the controller: " + e.getMessage(), e);
        }
    }

    /** One command with the content as its stdin. */
    private void shellPut(byte[] content, String path, String mode) throws ConnectionException {
        String q = Shell.quote(path);
        String script = "t=$(mktemp " + Shell.quote(path + ".unwind.XXXXXX") + ") && cat > \"$t\" && " + settle(q, mode)
                + " || { rc=$?; rm -f \"$t\"; exit $rc; }";
        ExecResult r = exec(Command.of(script).withStdin(content));
        if (!r.ok()) {
            throw new IllegalStateException("cannot write " + path + " on " + host() + ": " + r.stderr().strip());
        }
    }

    /**
     * Copies a file into {@code into} as it is read; false when it does not exist. Over the shell it travels in
     * {@link #CHUNK} pieces, so no side holds the whole file.
     */
    default boolean get(String path, OutputStream into) throws ConnectionException {
        Optional<DirectFiles> d = direct();
        if (d.isPresent()) {
            DirectFiles.Result got = d.get().get(path, into);
            if (got != DirectFiles.Result.REFUSED) {
                return got == DirectFiles.Result.DONE;
            }
        }
        String q = Shell.quote(path);
        for (long piece = 0; ; piece++) {
            ExecResult r = exec(Command.of("if [ -f " + q + " ]; then dd if=" + q + " bs=" + CHUNK + " skip=" + piece
                    + " count=1 2>/dev/null; else exit 3; fi"));
            if (r.exitCode() == 3 && piece == 0) {
                return false;
            }
            checked(r, path);
            try {
                into.write(r.out());
            } catch (IOException e) {
                throw new IllegalStateException("cannot keep " + path + " from " + host() + ": " + e.getMessage(), e);
            }
            if (r.out().length < CHUNK) {
                return true;
            }
        }
    }

    /** Below this size a write is one command even where a direct way exists: fewer round trips than opening SFTP. */
    int DIRECT_MIN = 64 * 1024;

    /** The piece size of file transfers over the shell: large enough that a command per piece costs little. */
    int CHUNK = 4 * 1024 * 1024;

    /**
     * The shell that gives the temporary file {@code $t} the owner, group and mode it is to have, syncs it, then renames
     * it over {@code q}. A replaced file keeps its owner and group, as Ansible's copy does (where we may chown); chown
     * comes before chmod, since chown clears setuid/setgid.
     */
    private static String settle(String q, String mode) {
        String chmod = mode != null ? "chmod " + Shell.quote(mode) + " \"$t\""
                : "if [ -e " + q + " ]; then chmod --reference=" + q + " \"$t\"; else chmod 0644 \"$t\"; fi";
        String chown = "if [ -e " + q + " ]; then chown --reference=" + q + " \"$t\" 2>/dev/null || true; fi";
        return chown + " && " + chmod + " && " + SYNC_TEMPORARY + " && mv -f \"$t\" " + q;
    }

    /**
     * Puts {@code $t}'s bytes on disk before the rename makes them the file: a crash right after the rename then finds
     * the new content, not an empty or partial file under the destination's name. coreutils' {@code sync FILE}
     * (8.24 and later) syncs that one file; where sync takes no file, nothing more is done than before.
     */
    String SYNC_TEMPORARY = "{ sync -- \"$t\" 2>/dev/null || :; }";

    private void checked(ExecResult r, String path) {
        if (!r.ok()) {
            throw new IllegalStateException("cannot transfer " + path + " on " + host() + ": " + r.stderr().strip());
        }
    }

    default void put(String content, String path, String mode) throws ConnectionException {
        put(content.getBytes(StandardCharsets.UTF_8), path, mode);
    }

    /**
     * Drops what this connection holds open (an SSH session) so that the next command opens it anew: what
     * {@code reboot} calls while it waits for the host to come back. Connections with nothing to drop ignore it.
     */
    default void reconnect() {
    }

    @Override
    default void close() {
    }
}
