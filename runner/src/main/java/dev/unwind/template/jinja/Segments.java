package dev.unwind.template.jinja;

import java.util.ArrayList;
import java.util.List;

/**
 * A Jinja text cut into literal text and {@code {{ expression }}} parts, so each expression is evaluated to a value
 * and printed as Ansible prints it. A text with statements ({@code {% %}}) or comments ({@code {# #}}) is not cut:
 * {@link #statements} says so, and it is rendered whole.
 */
record Segments(List<Part> parts, boolean statements) {
    /** Literal text, or an expression (without its braces). */
    record Part(String text, boolean expression) {
    }

    static Segments of(String template) {
        if (template.contains("{%") || template.contains("{#")) {
            return new Segments(List.of(), true);
        }
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                parts.add(new Part(template.substring(i), false));
                break;
            }
            if (open > i) {
                parts.add(new Part(template.substring(i, open), false));
            }
            int close = closing(template, open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("unexpected end of template: '{{' at column " + (open + 1) + " is never closed");
            }
            parts.add(new Part(template.substring(open + 2, close).strip(), true));
            i = close + 2;
        }
        return new Segments(List.copyOf(parts), false);
    }

    /** Whether the text is one expression and nothing else: its value keeps its type (a list stays a list). */
    boolean single() {
        return parts.size() == 1 && parts.get(0).expression();
    }

    /** The {@code }}} that closes the expression starting at {@code from}, skipping quoted text. */
    private static int closing(String t, int from) {
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
            } else if (c == '}' && t.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }
}
