package dev.unwind.transport.ssh;

import com.jcraft.jsch.Identity;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Private key files, each read and decrypted once per run (decrypting an OpenSSH key runs bcrypt, which
 * is slow on purpose) and shared by every session that offers it. The passphrase comes from
 * {@code --key-passphrase-file}; it is never logged.
 */
final class PrivateKeys {
    private final JSch jsch;
    private final Path passphraseFile;
    private final Map<Path, Identity> loaded = new ConcurrentHashMap<>();

    PrivateKeys(JSch jsch, Path passphraseFile) {
        this.jsch = jsch;
        this.passphraseFile = passphraseFile;
    }

    /** The key at {@code path}, ready to sign; {@code IOException} says why it cannot be used. */
    Identity load(Path path) throws IOException {
        Path key = path.toAbsolutePath().normalize();
        Identity id = loaded.get(key);
        if (id != null) {
            return id;
        }
        synchronized (this) {
            id = loaded.get(key);
            if (id == null) {
                id = read(key);
                loaded.put(key, id);
            }
            return id;
        }
    }

    private Identity read(Path key) throws IOException {
        if (!Files.isReadable(key)) {
            throw new IOException("private key " + key + " does not exist or cannot be read");
        }
        KeyPair pair;
        try {
            pair = KeyPair.load(jsch, key.toString());
        } catch (JSchException e) {
            throw new IOException("private key " + key + " cannot be read: " + e.getMessage());
        }
        if (pair.isEncrypted()) {
            if (passphraseFile == null) {
                throw new IOException("private key " + key + " is encrypted; give its passphrase with --key-passphrase-file");
            }
            byte[] passphrase = passphrase();
            try {
                if (!pair.decrypt(passphrase)) {
                    throw new IOException("the passphrase in " + passphraseFile + " does not decrypt " + key);
                }
            } finally {
                java.util.Arrays.fill(passphrase, (byte) 0);
            }
        }
        return new KeyIdentity(key.toString(), pair);
    }

    private byte[] passphrase() throws IOException {
        String text = Files.readString(passphraseFile, StandardCharsets.UTF_8);
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end).getBytes(StandardCharsets.UTF_8);
    }

    /** A decrypted key pair offered for public-key authentication; rsa keys sign with rsa-sha2 when asked. */
    private record KeyIdentity(String name, KeyPair pair) implements Identity {

        @Override
        public boolean setPassphrase(byte[] passphrase) {
            return true;
        }

        @Override
        public byte[] getPublicKeyBlob() {
            return pair.getPublicKeyBlob();
        }

        @Override
        public byte[] getSignature(byte[] data) {
            return pair.getSignature(data);
        }

        @Override
        public byte[] getSignature(byte[] data, String alg) {
            return pair.getSignature(data, alg);
        }

        @Override
        public String getAlgName() {
            return pair.getKeyTypeString();
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isEncrypted() {
            return false;
        }

        @Override
        public void clear() {
            // shared by every session of the run; released with the transport
        }

        @Override
        public String toString() {
            return "KeyIdentity[" + name + "]";
        }
    }
}
