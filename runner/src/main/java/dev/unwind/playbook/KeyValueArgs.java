package dev.unwind.playbook;

import dev.unwind.module.ModuleSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's short form {@code module: "k=v k2='v 2'"}. For a module with a free-form argument
 * ({@code command: ls -l chdir=/tmp}), words that are not {@code known_arg=value} stay, as written,
 * in the free-form text.
 */
final class KeyValueArgs {
    private static final Pattern KEY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", Pattern.DOTALL);

    private KeyValueArgs() {
    }

    static Map<String, Object> parse(String text, ModuleSpec spec) {
        Map<String, Object> args = new LinkedHashMap<>();
        StringBuilder free = new StringBuilder();
        for (String raw : words(text)) {
            Matcher m = KEY.matcher(raw);
            boolean isArg = m.matches() && (spec.freeForm() == null || spec.arg(m.group(1)).isPresent());
            if (isArg) {
                args.put(m.group(1), unquote(decodeEscapes(m.group(2))));
            } else if (spec.freeForm() != null) {
                if (free.length() > 0) {
                    free.append(' ');
                }
                free.append(raw);
            } else if (spec.acceptsAnyArgs()) {
                throw new IllegalArgumentException("expected key=value words for " + spec.name() + ", got '" + raw + "'");
            } else {
                throw new IllegalArgumentException(spec.name() + " takes key=value arguments, '" + raw
                        + "' is not one: write it as 'key=value' or use a mapping");
            }
        }
        if (free.length() > 0) {
            args.put(spec.freeForm(), free.toString());
        }
        return args;
    }

    /** Splits on unquoted whitespace, keeping quotes in the words (the free form needs them as written). */
    private static java.util.List<String> words(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    cur.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                cur.append(c);
            } else if (Character.isWhitespace(c)) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " quote in '" + text + "'");
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static final Pattern ESCAPE = Pattern.compile("\\\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|[0-7]{1,3}|[\\\\'\"abfnrtv])");

    /** Python's escapes in a k=v value, decoded as Ansible's parse_kv does: {@code content="a\\n"} ends in a newline. */
    static String decodeEscapes(String v) {
        Matcher m = ESCAPE.matcher(v);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String decoded = switch (e.charAt(0)) {
                case 'x', 'u' -> String.valueOf((char) Integer.parseInt(e.substring(1), 16));
                case 'a' -> "\u0007";
                case 'b' -> "\b";
                case 'f' -> "\f";
                case 'n' -> "\n";
                case 'r' -> "\r";
                case 't' -> "\t";
                case 'v' -> "\u000b";
                default -> Character.isDigit(e.charAt(0)) ? String.valueOf((char) Integer.parseInt(e, 8)) : e;
            };
            m.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
