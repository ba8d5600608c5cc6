package dev.unwind.playbook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's printf-style formatting ({@code "host%02d" % 5}) of one whole number, as {@code with_sequence}'s
 * {@code format} uses it: exactly one conversion among d i u o x X c s r a e E f F, with Python's flags, width and
 * precision (for a whole number, the least count of digits).
 */
record PercentFormat(String before, String flags, int width, int precision, char conversion, String after) {
    private static final Pattern SPEC = Pattern.compile("%([#0\\- +]*)(\\d*)(?:\\.(\\d*))?[hlL]?([diouxXcsraeEfF])");

    /** The format, or an {@link IllegalArgumentException} in with_sequence's words. */
    static PercentFormat parse(String format) {
        Matcher m = SPEC.matcher(format);
        if (format.chars().filter(c -> c == '%').count() != 1 || !m.find()) {
            throw new IllegalArgumentException("bad formatting string: " + format);
        }
        return new PercentFormat(format.substring(0, m.start()), m.group(1), m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? -1 : m.group(3).isEmpty() ? 0 : Integer.parseInt(m.group(3)), m.group(4).charAt(0),
                format.substring(m.end()));
    }

    String format(long n) {
        String body = switch (conversion) {
            case 'd', 'i', 'u' -> whole(n, 10, "");
            case 'o' -> whole(n, 8, flags.contains("#") ? "0o" : "");
            case 'x' -> whole(n, 16, flags.contains("#") ? "0x" : "");
            case 'X' -> whole(n, 16, flags.contains("#") ? "0X" : "").toUpperCase(java.util.Locale.ROOT);
            case 'c' -> padded(Character.toString((int) n), "");
            case 's', 'r', 'a' -> padded(precision < 0 ? Long.toString(n) : Long.toString(n).substring(0,
                    Math.min(precision, Long.toString(n).length())), "");
            default -> String.format(java.util.Locale.ROOT, "%" + flags.replace("#", "") + (width > 0 ? width : "")
                    + "." + (precision < 0 ? 6 : precision) + conversion, (double) n);
        };
        return before + body + after;
    }

    /** Sign, prefix, digits (at least {@code precision} of them), padded to the width as the flags say. */
    private String whole(long n, int radix, String prefix) {
        StringBuilder digits = new StringBuilder(Long.toString(Math.abs(n), radix));
        while (digits.length() < precision) {
            digits.insert(0, '0');
        }
        String sign = n < 0 ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
        if (flags.contains("0") && !flags.contains("-")) {
            while (sign.length() + prefix.length() + digits.length() < width) {
                digits.insert(0, '0');
            }
        }
        return padded(digits.toString(), sign + prefix);
    }

    private String padded(String text, String lead) {
        String s = lead + text;
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return flags.contains("-") ? s + fill : fill + s;
    }
}
