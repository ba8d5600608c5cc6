package dev.unwind.module.files;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;
import dev.unwind.module.Shell;

import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file's digest taken on the host where it lives, so a big file is compared or verified without moving it.
 * Uses {@code openssl}, else {@code sha256sum}/{@code sha1sum}, else {@code shasum}; a host with none of them has
 * the file streamed to the controller and hashed there, never held whole.
 */
public enum HostDigest {
    SHA256("sha256sum", "256", "-sha256", "SHA-256"),
    SHA1("sha1sum", "1", "-sha1", "SHA-1");

    private static final int NO_TOOL = 97;

    private final String tool;
    private final String shasum;
    private final String openssl;
    private final String java;

    HostDigest(String tool, String shasum, String openssl, String java) {
        this.tool = tool;
        this.shasum = shasum;
        this.openssl = openssl;
        this.java = java;
    }

    /** The hex digest of the regular file at {@code path}; fails when it cannot be read. */
    public String of(Connection c, String path) throws ConnectionException {
        String q = Shell.quote(path);
        // openssl first: it uses the CPU's SHA instructions, several times faster than coreutils on a big file
        ExecResult r = c.exec(Command.of("if command -v openssl >/dev/null 2>&1; then openssl dgst " + openssl + " -r " + q
                + "; elif command -v " + tool + " >/dev/null 2>&1; then " + tool + " -- " + q
                + "; elif command -v shasum >/dev/null 2>&1; then shasum -a " + shasum + " -- " + q
                + "; else exit " + NO_TOOL + "; fi"));
        if (r.exitCode() == NO_TOOL) {
            return streamed(c, path);
        }
        String out = r.stdout().strip();
        int end = out.indexOf(' ');
        String hex = unescaped(end < 0 ? out : out.substring(0, end));
        if (!r.ok() || !hex.matches("[0-9a-f]{40,64}")) {
            throw new IllegalStateException("cannot checksum " + path + " on " + c.host() + ": " + r.stderr().strip());
        }
        return hex;
    }

    /** A path as one look saw it: its stat, and the SHA-256 of the regular file it is when that was asked for. */
    public record Seen(FileStat stat, String sha256) {
    }

    /**
     * The path's stat and, when it is a regular file of {@code size} bytes (it may be the same as the source), its
     * SHA-256: one command instead of two round trips. The digest is null when the file differs in kind or size, or
     * no tool could take it (then {@link #of} takes it, or explains why it cannot).
     */
    public static Seen statWithSha256(Connection c, String path, long size) throws ConnectionException {
        String q = Shell.quote(path);
        String tool = "if command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 -r " + q
                + "; elif command -v sha256sum >/dev/null 2>&1; then sha256sum -- " + q
                + "; elif command -v shasum >/dev/null 2>&1; then shasum -a 256 -- " + q + "; fi";
        ExecResult r = c.exec(Command.of("d=; if [ -f " + q + " ] && [ ! -L " + q + " ] && [ \"$(stat -c %s -- " + q + ")\" = "
                + size + " ]; then d=$( (" + tool + ") 2>/dev/null); d=${d%% *}; fi; printf '%s\\n' \"$d\"; " + FileStat.script(q)));
        if (!r.ok()) {
            throw new IllegalStateException("cannot stat " + path + " on " + c.host() + ": " + r.stderr().strip());
        }
        String out = r.stdout();
        int eol = out.indexOf('\n');
        String hex = eol < 0 ? "" : unescaped(out.substring(0, eol));
        FileStat st = FileStat.parse(eol < 0 ? out : out.substring(eol + 1));
        return new Seen(st, hex.matches("[0-9a-f]{64}") ? hex : null);
    }

    /** openssl and coreutils put a backslash before the digest of a name they had to escape (a newline in it). */
    private static String unescaped(String hex) {
        return hex.startsWith("\\") ? hex.substring(1) : hex;
    }

    private String streamed(Connection c, String path) throws ConnectionException {
        try {
            DigestOutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), MessageDigest.getInstance(java));
            if (!c.get(path, sink)) {
                throw new IllegalStateException("cannot checksum " + path + " on " + c.host() + ": it is not a regular file");
            }
            return HexFormat.of().formatHex(sink.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
