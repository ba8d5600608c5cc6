package dev.unwind.inventory.ini;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subset of Python's {@code ast.literal_eval} that INI inventory values go through: strings
 * (quotes, prefixes, escapes, adjacent concatenation), ints (0x/0o/0b, underscores), floats,
 * True/False/None, lists, tuples, sets and dicts, with a sign on numbers and a trailing comment.
 * Anything else is not a literal and the caller keeps the text.
 */
final class PythonLiteral {
    private final String s;
    private int pos;

    private PythonLiteral(String s) {
        this.s = s;
    }

    /** The literal's value (null stands for None), or empty when the text is not a Python literal. */
    static Optional<Object> parse(String text) {
        String t = text.replaceFirst("^[ \\t]+", "");
        PythonLiteral p = new PythonLiteral(t);
        try {
            Object v = p.expression();
            p.skipBlanks();
            if (p.pos < t.length() && t.charAt(p.pos) == '#') {
                p.pos = t.length();
            }
            if (p.pos != t.length()) {
                return Optional.empty();
            }
            return Optional.of(new Holder(v)).map(h -> h.value == null ? NONE : h.value);
        } catch (NotLiteral e) {
            return Optional.empty();
        }
    }

    /** Marker for Python's None inside an Optional. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private record Holder(Object value) {
    }

    private static final class NotLiteral extends RuntimeException {
        NotLiteral() {
            super(null, null, false, false);
        }
    }

    private static NotLiteral fail() {
        return new NotLiteral();
    }

    private void skipBlanks() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '\\' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
                pos += 2;
            } else {
                return;
            }
        }
    }

    /** Inside brackets Python also allows line breaks and comments; a value has neither here. */
    private void skipInside() {
        skipBlanks();
    }

    private Object expression() {
        skipBlanks();
        if (pos >= s.length()) {
            throw fail();
        }
        char c = s.charAt(pos);
        if (c == '+' || c == '-') {
            pos++;
            skipBlanks();
            Object n = atom();
            if (!(n instanceof Number) || n instanceof Bool) {
                throw fail();
            }
            return c == '-' ? negate((Number) n) : n;
        }
        Object v = atom();
        if (v instanceof Bool b) {
            return b.value;
        }
        return v;
    }

    /** True/False are numbers to Python's parser but not signable in literal_eval; keep them apart. */
    private record Bool(boolean value) {
    }

    private static Object negate(Number n) {
        if (n instanceof Long l) {
            return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : -l;
        }
        if (n instanceof BigInteger b) {
            BigInteger r = b.negate();
            return r.bitLength() < 64 ? (Object) r.longValue() : r;
        }
        return -n.doubleValue();
    }

    private Object atom() {
        char c = s.charAt(pos);
        if (c == '[') {
            pos++;
            List<Object> items = sequence(']');
            return items;
        }
        if (c == '(') {
            pos++;
            skipInside();
            if (peek(')')) {
                pos++;
                return new ArrayList<>();
            }
            Object first = expression();
            skipInside();
            if (peek(')')) {
                pos++;
                return first;
            }
            if (!peek(',')) {
                throw fail();
            }
            pos++;
            List<Object> rest = sequence(')');
            rest.add(0, first);
            return rest;
        }
        if (c == '{') {
            pos++;
            return braces();
        }
        if (c == '\'' || c == '"') {
            return strings();
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1)))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String name = s.substring(start, pos);
            if (pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"')
                    && name.matches("(?i)r|u|b|br|rb")) {
                pos = start;
                return strings();
            }
            switch (name) {
                case "True":
                    return new Bool(true);
                case "False":
                    return new Bool(false);
                case "None":
                    return null;
                case "set":
                    skipBlanks();
                    if (s.startsWith("()", pos)) {
                        pos += 2;
                        return new ArrayList<>();
                    }
                    throw fail();
                default:
                    throw fail();
            }
        }
        throw fail();
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private List<Object> sequence(char close) {
        List<Object> items = new ArrayList<>();
        skipInside();
        while (true) {
            if (pos >= s.length()) {
                throw fail();
            }
            if (peek(close)) {
                pos++;
                return items;
            }
            items.add(expression());
            skipInside();
            if (peek(',')) {
                pos++;
                skipInside();
            } else if (!peek(close)) {
                throw fail();
            }
        }
    }

    private Object braces() {
        skipInside();
        if (peek('}')) {
            pos++;
            return new LinkedHashMap<String, Object>();
        }
        Object first = expression();
        skipInside();
        if (peek(':')) {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            map.put(key(first), expression());
            skipInside();
            while (true) {
                if (peek('}')) {
                    pos++;
                    return map;
                }
                if (!peek(',')) {
                    throw fail();
                }
                pos++;
                skipInside();
                if (peek('}')) {
                    pos++;
                    return map;
                }
                Object k = expression();
                skipInside();
                if (!peek(':')) {
                    throw fail();
                }
                pos++;
                map.put(key(k), expression());
                skipInside();
            }
        }
        LinkedHashSet<Object> set = new LinkedHashSet<>();
        set.add(first);
        if (peek(',')) {
            pos++;
        }
        for (Object o : sequence('}')) {
            set.add(o);
        }
        return new ArrayList<>(set);
    }

    private static String key(Object k) {
        if (k instanceof List) {
            // an unhashable key is a TypeError in Python, which Ansible reports as a parse failure
            throw new IllegalArgumentException("unhashable type: 'list'");
        }
        if (k instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return k == null ? "null" : String.valueOf(k);
    }

    private Object number() {
        int start = pos;
        if (s.startsWith("0x", pos) || s.startsWith("0X", pos) || s.startsWith("0o", pos) || s.startsWith("0O", pos)
                || s.startsWith("0b", pos) || s.startsWith("0B", pos)) {
            char kind = Character.toLowerCase(s.charAt(pos + 1));
            pos += 2;
            int digitsStart = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String digits = s.substring(digitsStart, pos);
            if (digits.isEmpty() || digits.startsWith("__") || digits.endsWith("_") || digits.contains("__")) {
                throw fail();
            }
            digits = digits.startsWith("_") ? digits.substring(1) : digits;
            int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
            try {
                return small(new BigInteger(digits, radix));
            } catch (NumberFormatException e) {
                throw fail();
            }
        }
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
            pos++;
        }
        boolean isFloat = false;
        if (peek('.')) {
            isFloat = true;
            pos++;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            int expStart = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == expStart) {
                pos = save;
                throw fail();
            }
            isFloat = true;
        }
        if (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
            throw fail(); // 1j (complex), 1abc: not something we represent
        }
        String text = s.substring(start, pos);
        if (text.contains("__") || text.endsWith("_") || text.contains("_.") || text.contains("._")) {
            throw fail();
        }
        text = text.replace("_", "");
        if (isFloat) {
            return Double.parseDouble(text);
        }
        if (text.length() > 1 && text.charAt(0) == '0' && !text.chars().allMatch(ch -> ch == '0')) {
            throw fail(); // leading zeros are a syntax error in Python 3
        }
        return small(new BigInteger(text));
    }

    private static Object small(BigInteger n) {
        return n.bitLength() < 64 ? (Object) n.longValue() : n;
    }

    /** One or more adjacent string literals, concatenated as Python does. */
    private Object strings() {
        StringBuilder text = new StringBuilder();
        Boolean bytes = null;
        while (true) {
            skipBlanks();
            int prefixStart = pos;
            while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
                pos++;
            }
            String prefix = s.substring(prefixStart, pos).toLowerCase();
            if (pos >= s.length() || (s.charAt(pos) != '\'' && s.charAt(pos) != '"')) {
                pos = prefixStart;
                break;
            }
            if (!prefix.matches("|r|u|b|br|rb")) {
                throw fail();
            }
            boolean isBytes = prefix.contains("b");
            if (bytes != null && bytes != isBytes) {
                throw fail();
            }
            bytes = isBytes;
            text.append(stringBody(prefix.contains("r")));
        }
        if (bytes == null) {
            throw fail();
        }
        return text.toString();
    }

    private String stringBody(boolean raw) {
        char q = s.charAt(pos);
        boolean triple = s.startsWith("" + q + q + q, pos);
        pos += triple ? 3 : 1;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw fail();
            }
            char c = s.charAt(pos);
            if (triple ? s.startsWith("" + q + q + q, pos) : c == q) {
                pos += triple ? 3 : 1;
                return out.toString();
            }
            if (c == '\n' && !triple) {
                throw fail();
            }
            if (c == '\\') {
                if (pos + 1 >= s.length()) {
                    throw fail();
                }
                char e = s.charAt(pos + 1);
                if (raw) {
                    out.append(c).append(e);
                    pos += 2;
                    continue;
                }
                pos += 2;
                switch (e) {
                    case '\n' -> { }
                    case '\\' -> out.append('\\');
                    case '\'' -> out.append('\'');
                    case '"' -> out.append('"');
                    case 'a' -> out.append('\u0007');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'v' -> out.append('\u000b');
                    case 'x' -> out.appendCodePoint(hex(2));
                    case 'u' -> out.appendCodePoint(hex(4));
                    case 'U' -> out.appendCodePoint(hex(8));
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int start = pos - 1;
                            int end = start + 1;
                            while (end < s.length() && end < start + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                                end++;
                            }
                            out.appendCodePoint(Integer.parseInt(s.substring(start, end), 8));
                            pos = end;
                        } else {
                            out.append('\\').append(e);
                        }
                    }
                }
                continue;
            }
            out.append(c);
            pos++;
        }
    }

    private int hex(int digits) {
        if (pos + digits > s.length()) {
            throw fail();
        }
        try {
            int v = Integer.parseInt(s.substring(pos, pos + digits), 16);
            pos += digits;
            return v;
        } catch (NumberFormatException e) {
            throw fail();
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
