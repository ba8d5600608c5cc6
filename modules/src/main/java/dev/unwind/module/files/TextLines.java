package dev.unwind.module.files;

import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.FileStat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text file as lines, for the line-editing modules; keeps whether the file ended with a newline so an
 * edit in the middle does not add one. Also converts Ansible's Python regular expressions to Java's.
 */
public final class TextLines {
    public final List<String> lines;
    boolean endsWithNewline;

    private TextLines(List<String> lines, boolean endsWithNewline) {
        this.lines = lines;
        this.endsWithNewline = endsWithNewline;
    }

    public static TextLines of(byte[] bytes) {
        String text = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        if (!text.isEmpty()) {
            for (String l : text.split("\n", -1)) {
                lines.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
            }
            if (text.endsWith("\n")) {
                lines.remove(lines.size() - 1);
            }
        }
        return new TextLines(lines, text.isEmpty() || text.endsWith("\n"));
    }

    /** The largest file an edit reads whole: text files are small; a bigger one is most likely not text. */
    static final long EDIT_LIMIT = 16L * 1024 * 1024;

    /**
     * The lines of the file to edit at {@code path} ({@code st} is its stat): none yet when it does not exist
     * and {@code create} allows making it.
     *
     * @throws IllegalStateException it does not exist and may not be created, or it is not a regular file
     */
    public static TextLines read(Connection c, String path, FileStat st, boolean create) throws ConnectionException {
        if (!st.exists()) {
            if (!create) {
                throw new IllegalStateException("destination " + path + " does not exist (create: true creates it)");
            }
            return of(new byte[0]);
        }
        if (!st.isFile() && !st.isLink()) {
            throw new IllegalStateException(path + " is not a regular file");
        }
        if (st.isFile() && st.size() > EDIT_LIMIT) {
            throw new IllegalStateException(path + " is " + st.size() + " bytes: line and block edits read the whole file"
                    + " into memory, and do so up to " + EDIT_LIMIT + " bytes (16 MiB)");
        }
        return of(c.get(path).orElse(new byte[0]));
    }

    /** The whole content of the regular file (or link to one) at {@code path}, for edits of the whole text. */
    static byte[] whole(Connection c, String path, FileStat st) throws ConnectionException {
        if (!st.isFile() && !st.isLink()) {
            throw new IllegalStateException(path + " is not a regular file");
        }
        if (st.isFile() && st.size() > EDIT_LIMIT) {
            throw new IllegalStateException(path + " is " + st.size() + " bytes: edits read the whole file into memory,"
                    + " and do so up to " + EDIT_LIMIT + " bytes (16 MiB)");
        }
        return c.get(path).orElse(new byte[0]);
    }

    /** Adds a line at {@code index}; appending always ends the file with a newline. */
    public void insert(int index, String line) {
        if (index >= lines.size()) {
            endsWithNewline = true;
        }
        lines.add(index, line);
    }

    public byte[] bytes() {
        if (lines.isEmpty()) {
            return new byte[0];
        }
        return (String.join("\n", lines) + (endsWithNewline ? "\n" : "")).getBytes(StandardCharsets.UTF_8);
    }

    /** Index of the last (or first) line a regex finds something in, or -1. */
    int find(Pattern p, boolean first) {
        return find(line -> p.matcher(line).find(), first);
    }

    /** Index of the last (or first) line that passes {@code test}, or -1. */
    int find(Predicate<String> test, boolean first) {
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                if (first) {
                    return i;
                }
                found = i;
            }
        }
        return found;
    }

    /**
     * Where new lines go, as Ansible's {@code insertbefore}/{@code insertafter} say: BOF is the top; a regex, before
     * (or after) the last (or first) line it finds; EOF, no argument or no line found, the end.
     */
    int insertionPoint(String insertBefore, String insertAfter, boolean first) {
        if ("BOF".equals(insertBefore)) {
            return 0;
        }
        if (insertBefore != null) {
            int i = find(pattern(insertBefore), first);
            return i >= 0 ? i : lines.size();
        }
        if (insertAfter != null && !"EOF".equals(insertAfter)) {
            int i = find(pattern(insertAfter), first);
            return i >= 0 ? i + 1 : lines.size();
        }
        return lines.size();
    }

    /** Ansible's regexes are Python's: named groups are written (?P<name>...) there. */
    static Pattern pattern(String python) {
        String java = python.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
        return Pattern.compile(java);
    }

    /** Python's {@code match.expand(template)}: \1, \g<1>, \g<name> become the groups' text. */
    static String expand(Matcher m, String template) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '\\' || i + 1 == template.length()) {
                out.append(c);
                continue;
            }
            char n = template.charAt(++i);
            if (Character.isDigit(n)) {
                int j = i;
                while (j + 1 < template.length() && Character.isDigit(template.charAt(j + 1)) && j - i < 1) {
                    j++;
                }
                out.append(group(m, template.substring(i, j + 1)));
                i = j;
            } else if (n == 'g' && i + 1 < template.length() && template.charAt(i + 1) == '<') {
                int end = template.indexOf('>', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated \\g< in " + template);
                }
                out.append(group(m, template.substring(i + 2, end)));
                i = end;
            } else if (n == 'n') {
                out.append('\n');
            } else if (n == 't') {
                out.append('\t');
            } else {
                out.append(n);
            }
        }
        return out.toString();
    }

    private static String group(Matcher m, String ref) {
        String g = ref.matches("\\d+") ? m.group(Integer.parseInt(ref)) : m.group(ref);
        return g == null ? "" : g;
    }
}
