package dev.unwind.playbook;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Python's {@code glob.glob(dir/pattern)} for a pattern without a folder part, as Ansible's fileglob lookup runs it:
 * fnmatch's {@code * ? [seq] [!seq]}, names starting with a dot only for a pattern that does, and the folder's own
 * order (Python does not sort, nor does Ansible: the order is the file system's, as {@code ls -f} shows it).
 */
record FileGlob(String pattern) {

    /** The regular files (links followed) in {@code dir} that the pattern matches. */
    List<Path> in(Path dir) {
        List<Path> out = new ArrayList<>();
        if (pattern.chars().noneMatch(c -> c == '*' || c == '?' || c == '[')) {
            Path p = dir.resolve(pattern);
            if (Files.isRegularFile(p)) {
                out.add(p);
            }
            return out;
        }
        if (!Files.isDirectory(dir)) {
            return out;
        }
        Pattern regex = Pattern.compile(translate(pattern), Pattern.DOTALL);
        boolean hidden = pattern.startsWith(".");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if ((hidden || !name.startsWith(".")) && regex.matcher(name).matches() && Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // Python's glob reads an unreadable folder as empty
            return List.of();
        }
        return out;
    }

    /** fnmatch.translate: an unclosed '[' is itself, a set's characters are literal but for ranges and a leading '!'. */
    static String translate(String pattern) {
        StringBuilder re = new StringBuilder();
        int n = pattern.length();
        for (int i = 0; i < n; ) {
            char c = pattern.charAt(i++);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pattern.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pattern.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pattern.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    re.append("\\[");
                    continue;
                }
                String set = pattern.substring(i, j);
                i = j + 1;
                re.append(set(set));
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    private static String set(String set) {
        if (set.isEmpty()) {
            return "(?!)";
        }
        if (set.equals("!")) {
            return ".";
        }
        StringBuilder out = new StringBuilder("[");
        int start = 0;
        if (set.charAt(0) == '!') {
            out.append('^');
            start = 1;
        }
        for (int k = start; k < set.length(); k++) {
            char ch = set.charAt(k);
            out.append(ch == '-' || Character.isLetterOrDigit(ch) ? String.valueOf(ch) : "\\" + ch);
        }
        return out.append(']').toString();
    }
}
