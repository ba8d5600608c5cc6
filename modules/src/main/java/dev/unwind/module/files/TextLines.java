package dev.unwind.module.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text file as lines, for the line-editing modules; keeps whether the file ended with a newline so an
 * edit in the middle does not add one. Also converts Ansible's Python regular expressions to Java's.
 */
final class TextLines {
    final List<String> lines;
    boolean endsWithNewline;

    private TextLines(List<String> lines, boolean endsWithNewline) {
        this.lines = lines;
        this.endsWithNewline = endsWithNewline;
    }

    static TextLines of(byte[] bytes) {
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

    /** Adds a line at {@code index}; appending always ends the file with a newline. */
    void insert(int index, String line) {
        if (index >= lines.size()) {
            endsWithNewline = true;
        }
        lines.add(index, line);
    }

    byte[] bytes() {
        if (lines.isEmpty()) {
            return new byte[0];
        }
        return (String.join("\n", lines) + (endsWithNewline ? "\n" : "")).getBytes(StandardCharsets.UTF_8);
    }

    /** Index of the last (or first) line a regex finds something in, or -1. */
    int find(Pattern p, boolean first) {
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).find()) {
                if (first) {
                    return i;
                }
                found = i;
            }
        }
        return found;
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
