package dev.unwind.transport.ssh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** An SSH public key in wire format: its type name, its OpenSSH SHA256 fingerprint, its known_hosts text. */
record PublicKeyBlob(byte[] blob) {

    static PublicKeyBlob ofBase64(String base64) {
        return new PublicKeyBlob(Base64.getDecoder().decode(base64));
    }

    /** The key type written first in the blob, such as {@code ssh-ed25519}. */
    String type() {
        ByteBuffer b = ByteBuffer.wrap(blob);
        if (blob.length < 4) {
            return "unknown";
        }
        int len = b.getInt();
        if (len < 0 || len > blob.length - 4) {
            return "unknown";
        }
        return new String(blob, 4, len, StandardCharsets.US_ASCII);
    }

    /** As {@code ssh-keygen -l} prints it: {@code SHA256:} and unpadded base64. */
    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String base64() {
        return Base64.getEncoder().encodeToString(blob);
    }

    boolean sameAs(byte[] other) {
        return Arrays.equals(blob, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKeyBlob p && Arrays.equals(blob, p.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return type() + " " + fingerprint();
    }
}
