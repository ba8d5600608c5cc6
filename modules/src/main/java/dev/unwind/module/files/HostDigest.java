package dev.unwind.module.files;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
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
        String hex = end < 0 ? out : out.substring(0, end);
        if (!r.ok() || !hex.matches("[0-9a-f]{40,64}")) {
            throw new IllegalStateException("cannot checksum " + path + " on " + c.host() + ": " + r.stderr().strip());
        }
        return hex;
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
