package dev.unwind.lab.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/** Key pairs for a lab: ECDSA P-256, which every SSH client reads without extra providers. */
public final class LabKeys {
    private LabKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make an EC P-256 key: " + e.getMessage(), e);
        }
    }

    /** Writes {@code file} (OpenSSH private key format, mode 0600) and {@code file.pub}. */
    public static void writeClientKey(KeyPair key, Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "unwind-lab", null, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the lab's client key: " + e.getMessage(), e);
        }
        Files.writeString(file.resolveSibling(file.getFileName() + ".pub"), publicLine(key) + " unwind-lab\n");
    }

    /** {@code ecdsa-sha2-nistp256 AAAA...} */
    public static String publicLine(KeyPair key) {
        return PublicKeyEntry.toString(key.getPublic());
    }

    /** A known_hosts line for a server on a non-standard port. */
    public static String knownHostsLine(String address, int port, KeyPair hostKey) {
        return "[" + address + "]:" + port + " " + publicLine(hostKey);
    }
}
