package dev.unwind.module.ssh;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Whether a known_hosts host field names a host, as OpenSSH decides ({@code ssh-keygen -F}): a comma-separated list
 * of names and {@code *}/{@code ?} patterns, where a matching {@code !pattern} excludes the host; or one hashed name
 * {@code |1|salt|hmac}, the HMAC-SHA1 of the name keyed with the salt. Done here rather than by ssh-keygen on the
 * host, so the module needs nothing installed there.
 */
final class HostPattern {
    static final String HASHED = "|1|";
    private static final SecureRandom RANDOM = new SecureRandom();

    private HostPattern() {
    }

    static boolean matches(String field, String host) {
        if (field.startsWith(HASHED)) {
            String[] p = field.substring(HASHED.length()).split("\\|", -1);
            if (p.length != 2) {
                return false;
            }
            try {
                byte[] salt = Base64.getDecoder().decode(p[0]);
                return Base64.getEncoder().encodeToString(hmac(salt, host)).equals(p[1]);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        boolean found = false;
        for (String pattern : field.split(",")) {
            boolean negated = pattern.startsWith("!");
            if (glob(negated ? pattern.substring(1) : pattern).matcher(host).matches()) {
                if (negated) {
                    return false;
                }
                found = true;
            }
        }
        return found;
    }

    /** The hashed host field for {@code host}, with a fresh salt (as {@code ssh-keygen -H} and Ansible write it). */
    static String hash(String host) {
        byte[] salt = new byte[20];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return HASHED + b64.encodeToString(salt) + "|" + b64.encodeToString(hmac(salt, host));
    }

    private static byte[] hmac(byte[] salt, String host) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toLowerCase().toCharArray()) {
            re.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(re.toString());
    }
}
