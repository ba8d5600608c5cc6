package dev.unwind.module;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A way to run commands and move files on one host. Implementations provide {@link #exec};
 * file operations default to portable POSIX shell so that they work the same over every
 * transport and under become (a transport may override them with something faster).
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
        String q = Shell.quote(path);
        // the link target comes last and is read to the end exactly: a target may end in spaces
        ExecResult r = exec(Command.of("if [ -e " + q + " ] || [ -L " + q + " ]; then stat -c '%F|%a|%u|%g|%U|%G|%s' -- " + q
                + " && readlink -- " + q + "; exit 0; else echo ABSENT; fi"));
        String out = r.stdout();
        if (!r.ok()) {
            throw new IllegalStateException("cannot stat " + path + " on " + host() + ": " + r.stderr().strip());
        }
        if (out.strip().equals("ABSENT")) {
            return FileStat.ABSENT;
        }
        int eol = out.indexOf('\n');
        String[] f = (eol < 0 ? out : out.substring(0, eol)).split("\\|", -1);
        FileStat.Kind kind = switch (f[0]) {
            case "regular file", "regular empty file" -> FileStat.Kind.FILE;
            case "directory" -> FileStat.Kind.DIRECTORY;
            case "symbolic link" -> FileStat.Kind.LINK;
            default -> FileStat.Kind.OTHER;
        };
        String mode = f[1].length() < 3 ? "0".repeat(3 - f[1].length()) + f[1] : f[1];
        String target = null;
        if (kind == FileStat.Kind.LINK && eol >= 0) {
            target = out.substring(eol + 1);
            target = target.endsWith("\n") ? target.substring(0, target.length() - 1) : target;
        }
        return new FileStat(true, kind, mode, f[4], f[5], Long.parseLong(f[6]), target, f[2], f[3]);
    }

    /** The bytes of a file, or empty when it does not exist. */
    default Optional<byte[]> get(String path) throws ConnectionException {
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
     * such as "0644"; null keeps the mode of the file being replaced, or 0644 for a new one.
     */
    default void put(byte[] content, String path, String mode) throws ConnectionException {
        String q = Shell.quote(path);
        String chmod = mode != null ? "chmod " + Shell.quote(mode) + " \"$t\""
                : "if [ -e " + q + " ]; then chmod --reference=" + q + " \"$t\"; else chmod 0644 \"$t\"; fi";
        // a replaced file keeps its owner and group, as Ansible's copy does (where we may chown); chown before
        // chmod, since chown clears setuid/setgid
        String chown = "if [ -e " + q + " ]; then chown --reference=" + q + " \"$t\" 2>/dev/null || true; fi";
        String script = "t=$(mktemp " + Shell.quote(path + ".unwind.XXXXXX") + ") && cat > \"$t\" && " + chown
                + " && " + chmod + " && mv -f \"$t\" " + q + " || { rc=$?; rm -f \"$t\"; exit $rc; }";
        ExecResult r = exec(Command.of(script).withStdin(content));
        if (!r.ok()) {
            throw new IllegalStateException("cannot write " + path + " on " + host() + ": " + r.stderr().strip());
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
