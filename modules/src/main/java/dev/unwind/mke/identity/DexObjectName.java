package dev.unwind.mke.identity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The object name Dex's Kubernetes storage gives a Password: base32 (alphabet a–z, 2–7, no padding) of
 * the lower-cased e-mail's bytes followed by the 8-byte FNV-64 digest of nothing (Go's {@code h.Sum(b)}
 * appends the hash to b), so that Dex finds the objects we create.
 */
public final class DexObjectName {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final long FNV64_OFFSET_BASIS = 0xcbf29ce484222325L;

    private DexObjectName() {
    }

    public static String forEmail(String email) {
        byte[] text = email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[text.length + 8];
        System.arraycopy(text, 0, all, 0, text.length);
        for (int i = 0; i < 8; i++) {
            all[text.length + i] = (byte) (FNV64_OFFSET_BASIS >>> (56 - 8 * i));
        }
        return base32(all);
    }

    private static String base32(byte[] data) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
