package dev.unwind.module;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 (what unwind compares and journals) and SHA-1 (what Ansible reports as {@code checksum}) of some
 * content, both taken in one pass.
 */
public record ContentDigest(String sha256, String sha1) {

    public static ContentDigest of(byte[] content) {
        Hashing h = new Hashing();
        h.update(content, content.length);
        return h.done();
    }

    /** Reads {@code in} to its end, a buffer at a time. */
    public static ContentDigest of(InputStream in) throws IOException {
        Hashing h = new Hashing();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            h.update(buf, n);
        }
        return h.done();
    }

    private static final class Hashing {
        private final MessageDigest sha256 = digest("SHA-256");
        private final MessageDigest sha1 = digest("SHA-1");

        void update(byte[] buf, int n) {
            sha256.update(buf, 0, n);
            sha1.update(buf, 0, n);
        }

        ContentDigest done() {
            return new ContentDigest(HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(sha1.digest()));
        }

        private static MessageDigest digest(String algorithm) {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
