package dev.unwind.playbook;

import dev.unwind.module.Shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One term of {@code with_sequence}, read as Ansible's sequence lookup reads it: {@code start=5 end=11 stride=2
 * format=0x%02x} (or {@code count=} instead of {@code end=}), or the short form {@code [start-]end[/stride][:format]}.
 * Numbers are Python's {@code int(x, 0)}: 12, 0x1f, 0o17, 0b101 (and not 017). Start is 1 and stride 1 unless given.
 */
record SequenceTerm(long start, long end, long stride, PercentFormat format) {
    private static final String NUM = "(0?x?[0-9a-f]+)";
    private static final Pattern SHORT = Pattern.compile("^(" + NUM + "-)?" + NUM + "(/" + NUM + ")?(:(.+))?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final List<String> KEYS = List.of("start", "end", "count", "stride", "format");

    /** The term, or an {@link IllegalArgumentException} saying what is wrong with it. */
    static SequenceTerm parse(Object term) {
        if (!(term instanceof String text)) {
            throw new IllegalArgumentException("with_sequence takes text such as 'start=1 end=5' or '1-5', got " + term);
        }
        Map<String, String> given = new LinkedHashMap<>();
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            put(given, "start", m.group(2));
            put(given, "end", m.group(3));
            put(given, "stride", m.group(5));
            put(given, "format", m.group(7));
        } else {
            given.putAll(keyValues(text));
        }
        long start = given.containsKey("start") ? number("start", given.get("start")) : 1;
        long stride = given.containsKey("stride") ? number("stride", given.get("stride")) : 1;
        Long end = given.containsKey("end") ? number("end", given.get("end")) : null;
        Long count = given.containsKey("count") ? number("count", given.get("count")) : null;
        if (count == null && end == null) {
            throw new IllegalArgumentException("must specify count or end in with_sequence");
        }
        if (count != null && end != null) {
            throw new IllegalArgumentException("can't specify both count and end in with_sequence");
        }
        if (count != null) {
            // count=0 is the empty sequence
            end = count == 0 ? 0 : start + count * stride - 1;
            start = count == 0 ? 0 : start;
            stride = count == 0 ? 0 : stride;
        }
        if (stride > 0 && end < start) {
            throw new IllegalArgumentException("to count backwards make stride negative");
        }
        if (stride < 0 && end > start) {
            throw new IllegalArgumentException("to count forward don't make stride negative");
        }
        return new SequenceTerm(start, end, stride, PercentFormat.parse(given.getOrDefault("format", "%d")));
    }

    /** The numbers from start to end (included) by stride, each formatted; none for a stride of 0. */
    List<String> values() {
        List<String> out = new ArrayList<>();
        if (stride == 0) {
            return out;
        }
        for (long i = start; stride > 0 ? i <= end : i >= end; i += stride) {
            out.add(format.format(i));
        }
        return out;
    }

    private static void put(Map<String, String> given, String key, String value) {
        if (value != null) {
            given.put(key, value);
        }
    }

    /** {@code start=1 end=5}: every word a key=value of the five keys. */
    private static Map<String, String> keyValues(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String word : Shell.split(text)) {
            int eq = word.indexOf('=');
            String key = eq > 0 ? word.substring(0, eq) : null;
            if (key != null && KEYS.contains(key)) {
                out.put(key, word.substring(eq + 1));
            } else {
                unknown.add(key != null ? key : word);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unrecognized arguments to with_sequence: " + unknown
                    + " (it takes start, end or count, stride and format, or the short form [start-]end[/stride][:format])");
        }
        return out;
    }

    /** Python's {@code int(text, 0)}. */
    private static long number(String key, String text) {
        String s = text.strip().replace("_", "");
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.startsWith("-") || s.startsWith("+")) {
            s = "";
        }
        int radix = 10;
        if (s.length() > 2 && s.charAt(0) == '0' && "xXoObB".indexOf(s.charAt(1)) >= 0) {
            radix = switch (Character.toLowerCase(s.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            s = s.substring(2);
        } else if (s.length() > 1 && s.charAt(0) == '0' && !s.chars().allMatch(c -> c == '0')) {
            s = "";  // Python 3 reads no leading zero (017): it is not octal
        }
        try {
            long v = Long.parseLong(s, radix);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("can't parse " + key + "=" + text + " as integer");
        }
    }
}
