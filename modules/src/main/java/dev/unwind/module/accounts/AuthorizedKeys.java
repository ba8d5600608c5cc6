package dev.unwind.module.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An authorized_keys file's lines, edited as Ansible's authorized_key edits them: a key is known by its base64 blob;
 * comments, blank lines and other keys stay as they are, byte for byte, unless {@code exclusive}.
 */
public final class AuthorizedKeys {
    private static final Pattern TYPE = Pattern.compile("^(ssh-[a-z0-9-]+|ecdsa-sha2-[a-z0-9-]+|sk-[a-z0-9@.-]+)$");

    /** One key line: options (or null), type, blob, comment (or null). */
    public record Key(String options, String type, String blob, String comment) {
        public String render() {
            return (options == null || options.isEmpty() ? "" : options + " ") + type + " " + blob
                    + (comment == null || comment.isEmpty() ? "" : " " + comment);
        }

        /** The same key with the task's options and comment, where it gives them. */
        public Key with(String keyOptions, String newComment) {
            return new Key(keyOptions != null ? keyOptions : options, type, blob, newComment != null ? newComment : comment);
        }
    }

    private final List<String> lines;

    private AuthorizedKeys(List<String> lines) {
        this.lines = new ArrayList<>(lines);
    }

    public static AuthorizedKeys parse(String text) {
        List<String> l = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        return new AuthorizedKeys(l);
    }

    /** A key line, or null for a comment, a blank or a line that holds no key. */
    public static Key parseKey(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return null;
        }
        String options = null;
        String rest = s;
        String first = s.split("\\s+", 2)[0];
        if (!TYPE.matcher(first).matches()) {
            int end = endOfOptions(s);
            options = s.substring(0, end);
            rest = s.substring(end).strip();
        }
        String[] f = rest.split("\\s+", 3);
        if (f.length < 2 || !TYPE.matcher(f[0]).matches()) {
            return null;
        }
        return new Key(options, f[0], f[1], f.length > 2 ? f[2] : null);
    }

    /** Options end at the first blank outside double quotes. */
    private static int endOfOptions(String s) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (Character.isWhitespace(ch) && !quoted) {
                return i;
            }
        }
        return s.length();
    }

    /** The keys of the task's {@code key} argument (one per line). */
    public static List<Key> wanted(String keyArg, String keyOptions, String comment) {
        List<Key> out = new ArrayList<>();
        for (String l : keyArg.split("\n")) {
            Key k = parseKey(l);
            if (k == null && !l.isBlank() && !l.strip().startsWith("#")) {
                throw new IllegalArgumentException("invalid key specified: " + l.strip().split("\\s+")[0] + " ...");
            }
            if (k != null) {
                out.add(k.with(keyOptions, comment));
            }
        }
        return out;
    }

    private int indexOf(String blob) {
        for (int i = 0; i < lines.size(); i++) {
            Key k = parseKey(lines.get(i));
            if (k != null && k.blob().equals(blob)) {
                return i;
            }
        }
        return -1;
    }

    /** Adds or updates each key (a key whose options, type or comment differ is rewritten in place). */
    public void present(List<Key> keys, boolean exclusive) {
        for (Key k : keys) {
            int i = indexOf(k.blob());
            if (i < 0) {
                lines.add(k.render());
            } else if (!same(parseKey(lines.get(i)), k)) {
                lines.set(i, k.render());
            }
        }
        if (exclusive) {
            List<String> blobs = keys.stream().map(Key::blob).toList();
            lines.removeIf(l -> {
                Key k = parseKey(l);
                return k == null || !blobs.contains(k.blob());
            });
        }
    }

    public void absent(List<Key> keys) {
        List<String> blobs = keys.stream().map(Key::blob).toList();
        lines.removeIf(l -> {
            Key k = parseKey(l);
            return k != null && blobs.contains(k.blob());
        });
    }

    private static boolean same(Key a, Key b) {
        return Objects.equals(blank(a.options()), blank(b.options())) && a.type().equals(b.type())
                && Objects.equals(blank(a.comment()), blank(b.comment()));
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public String render() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
