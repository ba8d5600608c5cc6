package dev.unwind.transport.ssh;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An OpenSSH {@code known_hosts} file: plain and hashed ({@code |1|salt|hash}) host patterns, wildcards and
 * negations, {@code [host]:port} names and {@code @revoked} markers. Read once; entries accepted under
 * accept-new are appended to the file and to the entries in memory. Safe for concurrent use.
 */
final class KnownHostsFile {

    /** One key line, with its 1-based line number for error messages. */
    record Entry(int line, String marker, String hosts, PublicKeyBlob key) {
    }

    sealed interface Verdict {
        record Known(Entry entry) implements Verdict {
        }

        record Unknown() implements Verdict {
        }

        /** known_hosts holds a different key of the same type for this host. */
        record Changed(Entry entry) implements Verdict {
        }

        record Revoked(Entry entry) implements Verdict {
        }
    }

    private final Path path;
    private final List<Entry> entries = new ArrayList<>();

    private KnownHostsFile(Path path) {
        this.path = path;
    }

    static KnownHostsFile read(Path path) throws IOException {
        KnownHostsFile f = new KnownHostsFile(path);
        if (path != null && Files.isRegularFile(path)) {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Entry e = parse(i + 1, lines.get(i));
                if (e != null) {
                    f.entries.add(e);
                }
            }
        }
        return f;
    }

    Path path() {
        return path;
    }

    private static Entry parse(int line, String text) {
        String s = text.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return null;
        }
        String[] f = s.split("\\s+");
        int i = 0;
        String marker = null;
        if (f[0].startsWith("@")) {
            marker = f[0];
            i = 1;
        }
        if (f.length < i + 3) {
            return null;
        }
        try {
            return new Entry(line, marker, f[i], PublicKeyBlob.ofBase64(f[i + 2]));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** What known_hosts says about {@code hostToken} ({@code name} or {@code [name]:port}) presenting {@code key}. */
    synchronized Verdict check(String hostToken, byte[] key) {
        Entry changed = null;
        Entry known = null;
        String type = new PublicKeyBlob(key).type();
        for (Entry e : entries) {
            if ("@cert-authority".equals(e.marker()) || !matches(e.hosts(), hostToken)) {
                continue;
            }
            if ("@revoked".equals(e.marker())) {
                if (e.key().sameAs(key)) {
                    return new Verdict.Revoked(e);
                }
                continue;
            }
            if (e.key().sameAs(key)) {
                known = known == null ? e : known;
            } else if (changed == null && e.key().type().equals(type)) {
                changed = e;
            }
        }
        if (known != null) {
            return new Verdict.Known(known);
        }
        return changed != null ? new Verdict.Changed(changed) : new Verdict.Unknown();
    }

    /** The key entries for {@code hostToken}, so the client can prefer the key types it already knows. */
    synchronized List<Entry> entriesFor(String hostToken) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.marker() == null && matches(e.hosts(), hostToken)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Records a newly accepted key, as OpenSSH's accept-new does. */
    synchronized void append(String hostToken, byte[] key) throws IOException {
        PublicKeyBlob blob = new PublicKeyBlob(key);
        String line = hostToken + " " + blob.type() + " " + blob.base64() + "\n";
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        boolean endsWithNewline = !Files.exists(path) || Files.size(path) == 0
                || Files.readAllBytes(path)[(int) Files.size(path) - 1] == '\n';
        Files.writeString(path, (endsWithNewline ? "" : "\n") + line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        int lineNo = (int) Files.readAllLines(path, StandardCharsets.UTF_8).size();
        entries.add(new Entry(lineNo, null, hostToken, blob));
    }

    static boolean matches(String patterns, String hostToken) {
        if (patterns.startsWith("|1|")) {
            return hashedMatches(patterns, hostToken);
        }
        boolean hit = false;
        for (String p : patterns.split(",")) {
            boolean negated = p.startsWith("!");
            String pat = negated ? p.substring(1) : p;
            if (glob(pat).matcher(hostToken).matches()) {
                if (negated) {
                    return false;
                }
                hit = true;
            }
        }
        return hit;
    }

    private static boolean hashedMatches(String field, String hostToken) {
        String[] parts = field.substring(3).split("\\|");
        if (parts.length != 2) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[0]);
            byte[] want = Base64.getDecoder().decode(parts[1]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] got = mac.doFinal(hostToken.getBytes(StandardCharsets.UTF_8));
            return java.security.MessageDigest.isEqual(want, got);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }
}
