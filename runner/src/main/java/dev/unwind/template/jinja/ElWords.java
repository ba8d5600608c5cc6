package dev.unwind.template.jinja;

import java.util.Set;

/**
 * The words Jinjava's expression language reserves as operators ({@code empty}, {@code le}, {@code div}, ...) that are
 * ordinary names in Jinja: an estate's {@code {{ empty }}} or {@code {{ limits.div }}} must evaluate as Ansible evaluates
 * it, not fail to parse. Before Jinjava reads an expression, such a variable is renamed and such an attribute written as
 * a subscript; the lookup of a variable takes the renaming back.
 */
final class ElWords {
    private static final Set<String> RESERVED = Set.of("empty", "le", "lt", "ge", "gt", "eq", "ne", "div", "mod", "instanceof");
    /** A prefix no Jinja name an estate writes starts with. */
    private static final String RENAMED = "unwind__el_";

    private ElWords() {
    }

    /** The variable a renamed name stands for; any other name as it is. */
    static String original(String name) {
        return name.startsWith(RENAMED) ? name.substring(RENAMED.length()) : name;
    }

    /** A message about an escaped expression, with the names as the estate wrote them. */
    static String unescaped(String text) {
        return text.replace(RENAMED, "");
    }

    /** A whole template: the insides of its {@code {{ }}} and {@code {% %}} escaped, its text and comments as they are. */
    static String escapedTemplate(String template) {
        if (RESERVED.stream().noneMatch(template::contains)) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            int open = nextOpening(template, i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            String close = template.charAt(open + 1) == '{' ? "}}" : "%}";
            int end = closing(template, open + 2, close);
            if (end < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open + 2).append(escaped(template.substring(open + 2, end)));
            i = end;
        }
        return out.toString();
    }

    private static int nextOpening(String t, int from) {
        int a = t.indexOf("{{", from);
        int b = t.indexOf("{%", from);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    private static int closing(String t, int from, String close) {
        char quote = 0;
        for (int i = from; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (t.startsWith(close, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One expression (or a tag's inside): a reserved word used as a variable renamed, as an attribute ({@code .div}) made
     * {@code ['div']}; after {@code is} or {@code |} it is a test's or filter's name ({@code x is gt 3}) and stays.
     */
    static String escaped(String expression) {
        if (RESERVED.stream().noneMatch(expression::contains)) {
            return expression;
        }
        StringBuilder out = new StringBuilder(expression.length() + 16);
        char quote = 0;
        String previousWord = "";
        char previous = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < expression.length()) {
                    out.append(expression.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                    previous = c;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < expression.length() && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_')) {
                    end++;
                }
                String word = expression.substring(i, end);
                boolean named = previous == '|' || previousWord.equals("is") || previousWord.equals("not") && isAfterIs(out);
                if (!RESERVED.contains(word) || named) {
                    out.append(word);
                } else if (previous == '.') {
                    out.setLength(out.length() - 1);
                    out.append("['").append(word).append("']");
                } else {
                    out.append(RENAMED).append(word);
                }
                previousWord = word;
                previous = 'a';
                i = end - 1;
                continue;
            }
            out.append(c);
            if (!Character.isWhitespace(c)) {
                previous = c;
                previousWord = "";
            }
        }
        return out.toString();
    }

    /** Whether the {@code not} just written follows {@code is}: {@code x is not gt 3}. */
    private static boolean isAfterIs(StringBuilder out) {
        return out.toString().stripTrailing().matches("(?s).*\\bis\\s+not$");
    }
}
