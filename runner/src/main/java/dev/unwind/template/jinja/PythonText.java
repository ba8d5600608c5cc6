package dev.unwind.template.jinja;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Values printed as Ansible prints them into text: Python's {@code str()} (and {@code repr()} inside containers). */
final class PythonText {
    private PythonText() {
    }

    /** {@code str(v)}: None prints nothing inside Ansible's templates, True is {@code True}, a list {@code [1, 'a']}. */
    static String str(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        return repr(v);
    }

    static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof CharSequence s) {
            return quoted(s.toString());
        }
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(PythonText::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) + ".0" : String.valueOf(d);
        }
        return String.valueOf(v);
    }

    /** Python's quoting: single quotes, double ones when the text holds a single quote and no double one. */
    private static String quoted(String s) {
        char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c == q) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        return sb.append(q).toString();
    }
}
