package dev.unwind.mke.identity;

import dev.unwind.mke.kube.Desired;
import dev.unwind.mke.kube.ObjectRef;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** Turns MKE 3 local users into Dex Password objects. */
public final class IdentityTranslation {
    public static final String NAMESPACE = "mke";
    private static final int BCRYPT_COST = 10;
    private static final char[] PASSWORD_CHARS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final SecureRandom random;

    public IdentityTranslation(SecureRandom random) {
        this.random = random;
    }

    /**
     * The result.
     *
     * @param initialPasswords user name to the generated password, for the operator's 0600 file
     * @param skipped          users not carried over, with why
     */
    public record Plan(List<Desired> objects, Map<String, String> initialPasswords, int usersFound, List<String> skipped) {
        @Override
        public String toString() {
            return "IdentityPlan[" + objects.size() + " passwords, " + skipped.size() + " skipped]";
        }
    }

    /** {@code adminName}'s password becomes {@code adminPassword}: the admin keeps logging in as before. */
    public Plan translate(List<Mke3User> users, String adminName, String adminPassword) {
        List<Desired> objects = new ArrayList<>();
        Map<String, String> initial = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Mke3User u : users) {
            if (!u.active()) {
                skipped.add(u.name() + ": deactivated in MKE 3");
                continue;
            }
            boolean isAdmin = u.name().equals(adminName);
            String password = isAdmin ? adminPassword : newPassword();
            if (!isAdmin) {
                initial.put(u.name(), password);
            }
            // MKE 3 users log in by name; Dex logs local users in by the Password's email field
            String email = u.name();
            ObjectRef ref = ObjectRef.dexPassword(NAMESPACE, DexObjectName.forEmail(email));
            Map<String, Object> m = ref.skeleton();
            @SuppressWarnings("unchecked")
            Map<String, Object> meta = (Map<String, Object>) m.get("metadata");
            meta.put("labels", Map.of("app.kubernetes.io/managed-by", "unwind"));
            meta.put("annotations", Map.of("unwind.dev/mke3-user", u.name(), "unwind.dev/mke3-full-name", u.fullName()));
            m.put("email", email);
            m.put("hash", Base64.getEncoder().encodeToString(bcrypt(password).getBytes(StandardCharsets.US_ASCII)));
            m.put("username", u.name());
            m.put("userID", u.id());
            // the admin's Password may exist already (MKE 4k creates one): replace it, so the MKE 3 password works
            objects.add(new Desired(ref, m, isAdmin));
        }
        return new Plan(objects, initial, users.size(), skipped);
    }

    /** True when a Dex Password object's hash is of this password (so it needs no replacing). */
    public static boolean passwordMatches(Map<String, Object> passwordObject, String password) {
        Object hash = passwordObject.get("hash");
        if (!(hash instanceof String h) || h.isEmpty()) {
            return false;
        }
        try {
            String bcrypt = new String(Base64.getDecoder().decode(h), StandardCharsets.US_ASCII);
            return BCrypt.checkpw(password, bcrypt);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String bcrypt(String password) {
        // $2a$, as Go's bcrypt (Dex) writes it
        return BCrypt.hashpw(password, BCrypt.gensalt("$2a", BCRYPT_COST, random));
    }

    private String newPassword() {
        char[] out = new char[20];
        for (int i = 0; i < out.length; i++) {
            out[i] = PASSWORD_CHARS[random.nextInt(PASSWORD_CHARS.length)];
        }
        return new String(out);
    }
}
