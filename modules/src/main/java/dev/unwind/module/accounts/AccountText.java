package dev.unwind.module.accounts;

import dev.unwind.module.ContentDigest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One account file as it is on the host, line by line, with what is needed to write it back byte for byte.
 *
 * @param sha256 of the bytes as read: a write goes through only if the file still has them
 */
public record AccountText(List<String> lines, boolean trailingNewline, String sha256, boolean exists) {

    public AccountText {
        lines = List.copyOf(lines);
    }

    public static AccountText parse(byte[] bytes) {
        if (bytes == null) {
            return new AccountText(List.of(), true, null, false);
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        boolean nl = s.isEmpty() || s.endsWith("\n");
        List<String> lines = s.isEmpty() ? List.of() : List.of((nl ? s.substring(0, s.length() - 1) : s).split("\n", -1));
        return new AccountText(lines, nl, ContentDigest.of(bytes).sha256(), true);
    }

    /** The key of a line: its first field. */
    public static String keyOf(String line) {
        int i = line.indexOf(':');
        return i < 0 ? line : line.substring(0, i);
    }

    public int indexOf(String name) {
        for (int i = 0; i < lines.size(); i++) {
            if (keyOf(lines.get(i)).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<String> line(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(lines.get(i));
    }

    /** The name of the line before {@code name}'s, or null when it is the first (or absent). */
    public String nameBefore(String name) {
        int i = indexOf(name);
        return i <= 0 ? null : keyOf(lines.get(i - 1));
    }

    public List<String> fields(String name) {
        return line(name).map(l -> List.of(l.split(":", -1))).orElse(List.of());
    }

    public AccountText withLines(List<String> newLines) {
        return new AccountText(new ArrayList<>(newLines), trailingNewline || newLines.isEmpty(), sha256, exists);
    }

    public byte[] render() {
        String s = String.join("\n", lines) + (trailingNewline && !lines.isEmpty() ? "\n" : "");
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
