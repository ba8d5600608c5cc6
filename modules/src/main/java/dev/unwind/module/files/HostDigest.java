package dev.unwind.module.files;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;
import dev.unwind.module.HostFileDigests;
import dev.unwind.module.Shell;

import java.io.OutputStream;
import java.math.BigDecimal;
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

    /** Seconds a file must have been left alone before its digest is remembered under its stamp. */
    static final long SETTLED_SECONDS = 2;

    /** {@link #statWithSha256(Connection, String, long, HostFileDigests)} remembering nothing. */
    public static Seen statWithSha256(Connection c, String path, long size) throws ConnectionException {
        return statWithSha256(c, path, size, HostFileDigests.NONE);
    }

    /**
     * The path's stat and, when it is a regular file of {@code size} bytes (it may be the same as the source), its
     * SHA-256: one command instead of two round trips. The digest is null when the file differs in kind or size, or
     * no tool could take it (then {@link #of} takes it, or explains why it cannot). A file whose stamp is the one
     * {@code memory} holds for it is not read at all; one hashed after it had been left alone for
     * {@link #SETTLED_SECONDS} is remembered, so that the next look need not read it either.
     */
    public static Seen statWithSha256(Connection c, String path, long size, HostFileDigests memory) throws ConnectionException {
        String q = Shell.quote(path);
        String tool = "if command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 -r " + q
                + "; elif command -v sha256sum >/dev/null 2>&1; then sha256sum -- " + q
                + "; elif command -v shasum >/dev/null 2>&1; then shasum -a 256 -- " + q + "; fi";
        String hash = "d=$( (" + tool + ") 2>/dev/null); d=${d%% *}";
        HostFileDigests.Known known = memory.recall(c.host(), path);
        String digest = known == null ? hash
                : "if [ \"$s\" = " + Shell.quote(known.stamp()) + " ]; then d=" + known.sha256() + "; else " + hash + "; fi";
        ExecResult r = c.exec(Command.of("d=; s=; if [ -f " + q + " ] && [ ! -L " + q + " ] && [ \"$(stat -c %s -- " + q + ")\" = "
                + size + " ]; then s=$(" + Stamp.script(q) + "); " + digest + "; fi; printf '%s\\n%s %s\\n' \"$d\" \"$(date +%s)\" \"$s\"; "
                + FileStat.script(q)));
        if (!r.ok()) {
            throw new IllegalStateException("cannot stat " + path + " on " + c.host() + ": " + r.stderr().strip());
        }
        String[] lines = r.stdout().split("\n", 3);
        if (lines.length < 3) {
            throw new IllegalStateException("cannot stat " + path + " on " + c.host() + ": it answered " + r.stdout().strip());
        }
        String hex = unescaped(lines[0]);
        String sha256 = hex.matches("[0-9a-f]{64}") ? hex : null;
        int space = lines[1].indexOf(' ');
        Stamp stamp = Stamp.parse(lines[1].substring(space + 1));
        boolean recalled = known != null && stamp != null && stamp.text().equals(known.stamp());
        if (sha256 != null && stamp != null && !recalled && stamp.leftAloneSince(lines[1].substring(0, space), SETTLED_SECONDS)) {
            memory.remember(c.host(), path, new HostFileDigests.Known(stamp.text(), sha256));
        }
        return new Seen(FileStat.parse(lines[2]), sha256);
    }

    /**
     * Remembers the SHA-256 of content just placed at {@code path}. Only when the file's last write is older than its
     * last change (the rename that placed it): a later write would move both, so the stamp can only match this very
     * content.
     */
    public static void rememberPlaced(Connection c, String path, String sha256, HostFileDigests memory) throws ConnectionException {
        if (!memory.remembers()) {
            return;
        }
        ExecResult r = c.exec(Command.of(Stamp.script(Shell.quote(path))));
        Stamp stamp = r.ok() ? Stamp.parse(r.stdout().strip()) : null;
        if (stamp != null && stamp.writtenBeforeChanged()) {
            memory.remember(c.host(), path, new HostFileDigests.Known(stamp.text(), sha256));
        }
    }

    /** A file's device, inode, size, and modification and change times with their nanoseconds, as GNU stat prints them. */
    record Stamp(String text, BigDecimal modified, BigDecimal changed) {
        static String script(String q) {
            return "stat -c '%d %i %s %.9Y %.9Z' -- " + q + " 2>/dev/null";
        }

        /** Null when the host's stat printed something else (not GNU stat): such a file is always hashed. */
        static Stamp parse(String text) {
            String[] f = text.split(" ");
            if (f.length != 5 || !(f[0] + f[1] + f[2]).matches("[0-9]+") || !f[3].matches("[0-9]+\\.[0-9]{9}") || !f[4].matches("[0-9]+\\.[0-9]{9}")) {
                return null;
            }
            return new Stamp(text, new BigDecimal(f[3]), new BigDecimal(f[4]));
        }

        boolean writtenBeforeChanged() {
            return modified.compareTo(changed) < 0;
        }

        boolean leftAloneSince(String hostNow, long seconds) {
            return hostNow.matches("[0-9]+") && new BigDecimal(hostNow).subtract(changed.max(modified)).compareTo(BigDecimal.valueOf(seconds)) >= 0;
        }
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
