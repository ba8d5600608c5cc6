package dev.unwind.mke.config;

import dev.unwind.input.Position;
import dev.unwind.input.Problem;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TOML dates and times that do not exist ({@code 1979-13-45}, {@code 25:00:00}). Jackson's TOML reader
 * keeps a datetime as its text without checking it, so the values are found in the text (outside
 * strings and comments) and parsed here, to be reported at their line and column.
 */
final class TomlDates {
    private static final Pattern DATETIME = Pattern.compile("(?<![\\w.:+-])(\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d{2}:\\d{2}:\\d{2}"
            + "(?:\\.\\d+)?(?:[Zz]|[+-]\\d{2}:\\d{2})?)?|\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)(?![\\w:.-])");

    private TomlDates() {
    }

    static List<Problem> check(String source, String text) {
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        boolean inMultiline = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            StringBuilder code = new StringBuilder(line.length());
            // blank out strings and comments, keeping columns
            for (int c = 0; c < line.length(); c++) {
                if (inMultiline) {
                    if (line.startsWith("\"\"\"", c) || line.startsWith("'''", c)) {
                        inMultiline = false;
                        c += 2;
                        code.append("   ");
                    } else {
                        code.append(' ');
                    }
                    continue;
                }
                char ch = line.charAt(c);
                if (line.startsWith("\"\"\"", c) || line.startsWith("'''", c)) {
                    inMultiline = true;
                    c += 2;
                    code.append("   ");
                } else if (ch == '"' || ch == '\'') {
                    int end = c + 1;
                    while (end < line.length() && line.charAt(end) != ch) {
                        end += ch == '"' && line.charAt(end) == '\\' ? 2 : 1;
                    }
                    code.append(" ".repeat(Math.min(end, line.length() - 1) - c + 1));
                    c = end;
                } else if (ch == '#') {
                    break;
                } else {
                    code.append(ch);
                }
            }
            int eq = code.indexOf("=");
            if (eq < 0 || code.toString().stripLeading().startsWith("[")) {
                continue;
            }
            Matcher m = DATETIME.matcher(code);
            m.region(eq + 1, code.length());
            while (m.find()) {
                String problem = invalid(m.group(1));
                if (problem != null) {
                    problems.add(new Problem(new Position(source, i + 1, m.start(1) + 1), "'" + m.group(1)
                            + "' is not a valid TOML date or time (" + problem + "): write it as 1979-05-27T07:32:00Z,"
                            + " 1979-05-27 or 07:32:00, or quote it to keep it as text"));
                }
            }
        }
        return problems;
    }

    /** Why the text is no real date or time, or null when it is one. */
    private static String invalid(String value) {
        String v = value.replace(' ', 'T').replace('t', 'T').replace('z', 'Z');
        try {
            if (v.length() == 10) {
                LocalDate.parse(v);
            } else if (v.indexOf('-') < 0) {
                LocalTime.parse(v);
            } else if (v.endsWith("Z") || v.lastIndexOf('+') > 10 || v.lastIndexOf('-') > 10) {
                OffsetDateTime.parse(v);
            } else {
                LocalDateTime.parse(v);
            }
            return null;
        } catch (DateTimeParseException e) {
            String m = e.getMessage();
            int cut = m.indexOf(": ", m.indexOf("could not be parsed"));
            return cut > 0 ? m.substring(cut + 2) : "no such date or time";
        }
    }
}
