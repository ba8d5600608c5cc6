package dev.unwind.module.files;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's regular expressions are Python's {@code re}; this reads one as Java's with the same meaning for what
 * playbooks write: named groups {@code (?P<n>...)} and {@code (?P=n)}, {@code \Z} (the very end in Python, Java's
 * {@code \z}), and {@code .}/{@code $} that know only {@code \n} as a line end (UNIX_LINES). Replacement templates
 * are Python's too: {@code \1}, {@code \g<1>}, {@code \g<name>}, {@code \n}; a {@code $} is literal.
 */
final class PythonRegex {
    private PythonRegex() {
    }

    /** @param flags further {@link Pattern} flags (MULTILINE for {@code replace}, DOTALL for its sections) */
    static Pattern compile(String python, int flags) {
        StringBuilder java = new StringBuilder();
        for (int i = 0; i < python.length(); i++) {
            char c = python.charAt(i);
            if (c == '\\' && i + 1 < python.length()) {
                char n = python.charAt(++i);
                java.append(n == 'Z' ? "\\z" : "\\" + n);
            } else if (python.startsWith("(?P<", i)) {
                java.append("(?<");
                i += 3;
            } else if (python.startsWith("(?P=", i)) {
                int end = python.indexOf(')', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated (?P= in " + python);
                }
                java.append("\\k<").append(python, i + 4, end).append('>');
                i = end;
            } else {
                java.append(c);
            }
        }
        try {
            return Pattern.compile(java.toString(), flags | Pattern.UNIX_LINES);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression '" + python + "': " + e.getDescription());
        }
    }

    /** Python's {@code re.subn}: every match replaced by the expanded template; the count of replacements. */
    record Substitution(String text, int count) {
    }

    static Substitution subn(Pattern p, String template, CharSequence text) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        int count = 0;
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(TextLines.expand(m, template)));
            count++;
        }
        m.appendTail(out);
        return new Substitution(out.toString(), count);
    }
}
