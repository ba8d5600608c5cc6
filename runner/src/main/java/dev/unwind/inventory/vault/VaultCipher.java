package dev.unwind.inventory.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Decrypts (and, for tests and tools, encrypts) ansible-vault 1.1/1.2 AES256 envelopes. */
public final class VaultCipher {
    public static final String HEADER = "$ANSIBLE_VAULT";
    private static final int ROUNDS = 10_000;

    private VaultCipher() {
    }

    /** True when the text starts with the vault header (leading blanks ignored). */
    public static boolean isVaulted(String text) {
        return text != null && text.stripLeading().startsWith(HEADER + ";");
    }

    public static boolean isVaulted(byte[] data) {
        int i = 0;
        while (i < data.length && Character.isWhitespace(data[i])) {
            i++;
        }
        byte[] h = (HEADER + ";").getBytes(StandardCharsets.US_ASCII);
        if (data.length - i < h.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOfRange(data, i, i + h.length), h);
    }

    /** The vault id label of a {@code 1.2} envelope ({@code $ANSIBLE_VAULT;1.2;AES256;label}), else null. */
    public static String label(String envelope) {
        String first = envelope.strip().lines().findFirst().orElse("").strip();
        String[] header = first.split(";");
        return header.length >= 4 && header[0].equals(HEADER) && header[1].equals("1.2") && !header[3].isBlank() ? header[3].strip() : null;
    }

    public static String decryptToString(String envelope, VaultSecret secret) {
        return new String(decrypt(envelope, secret), StandardCharsets.UTF_8);
    }

    /** Opens an envelope; a wrong password or damaged text raises {@link VaultException}. */
    public static byte[] decrypt(String envelope, VaultSecret secret) {
        if (secret == null) {
            throw new VaultException("found vaulted data but no vault password was given (use --vault-password-file)");
        }
        String[] lines = envelope.strip().split("\\R");
        String[] header = lines[0].strip().split(";");
        if (header.length < 3 || !header[0].equals(HEADER)) {
            throw new VaultException("not a vault envelope");
        }
        if (!header[1].equals("1.1") && !header[1].equals("1.2")) {
            throw new VaultException("unsupported vault format version " + header[1]);
        }
        if (!header[2].strip().equals("AES256")) {
            throw new VaultException("unsupported vault cipher " + header[2]);
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            hex.append(lines[i].strip());
        }
        try {
            String inner = new String(HexFormat.of().parseHex(hex), StandardCharsets.US_ASCII);
            String[] parts = inner.split("\n");
            if (parts.length != 3) {
                throw new VaultException("damaged vault envelope");
            }
            byte[] salt = HexFormat.of().parseHex(parts[0].strip());
            byte[] mac = HexFormat.of().parseHex(parts[1].strip());
            byte[] ciphertext = HexFormat.of().parseHex(parts[2].strip());
            byte[] derived = pbkdf2(secret.bytes(), salt);
            byte[] key1 = Arrays.copyOfRange(derived, 0, 32);
            byte[] key2 = Arrays.copyOfRange(derived, 32, 64);
            byte[] iv = Arrays.copyOfRange(derived, 64, 80);
            if (!MessageDigest.isEqual(hmac(key2, ciphertext), mac)) {
                throw new VaultException("vault password does not decrypt this data (HMAC mismatch)");
            }
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key1, "AES"), new IvParameterSpec(iv));
            byte[] padded = aes.doFinal(ciphertext);
            int pad = padded.length == 0 ? 0 : padded[padded.length - 1] & 0xff;
            if (pad < 1 || pad > 16 || pad > padded.length) {
                throw new VaultException("damaged vault padding");
            }
            return Arrays.copyOf(padded, padded.length - pad);
        } catch (IllegalArgumentException e) {
            throw new VaultException("damaged vault envelope: not hexadecimal");
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot decrypt vault data: " + e.getClass().getSimpleName());
        }
    }

    /** Writes a 1.1 envelope the way ansible-vault does (80-column hex lines). */
    public static String encrypt(byte[] plaintext, VaultSecret secret) {
        try {
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            byte[] derived = pbkdf2(secret.bytes(), salt);
            int pad = 16 - plaintext.length % 16;
            byte[] padded = Arrays.copyOf(plaintext, plaintext.length + pad);
            Arrays.fill(padded, plaintext.length, padded.length, (byte) pad);
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(derived, 0, 32), "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(derived, 64, 80)));
            byte[] ciphertext = aes.doFinal(padded);
            byte[] mac = hmac(Arrays.copyOfRange(derived, 32, 64), ciphertext);
            HexFormat hf = HexFormat.of();
            String inner = hf.formatHex(salt) + "\n" + hf.formatHex(mac) + "\n" + hf.formatHex(ciphertext);
            String body = hf.formatHex(inner.getBytes(StandardCharsets.US_ASCII));
            StringBuilder out = new StringBuilder(HEADER).append(";1.1;AES256");
            for (int i = 0; i < body.length(); i += 80) {
                out.append('\n').append(body, i, Math.min(body.length(), i + 80));
            }
            return out.append('\n').toString();
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot encrypt: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** PBKDF2-HMAC-SHA256 over the raw password bytes (the JDK's PBEKeySpec only takes chars). */
    private static byte[] pbkdf2(byte[] password, byte[] salt) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, "HmacSHA256"));
        byte[] out = new byte[80];
        for (int block = 1, off = 0; off < out.length; block++) {
            mac.update(salt);
            mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
            byte[] u = mac.doFinal();
            byte[] t = u.clone();
            for (int i = 1; i < ROUNDS; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            int n = Math.min(t.length, out.length - off);
            System.arraycopy(t, 0, out, off, n);
            off += n;
        }
        return out;
    }
}
