package dev.unwind.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands host ranges such as {@code www[01:50:2].example.com}, {@code db-[a:f]} and several per
 * name, exactly like Ansible's {@code expand_hostname_range} (zero padding from the begin value,
 * letters from a-zA-Z, an optional step).
 */
public final class HostRange {
    private HostRange() {
    }

    public static boolean hasRange(String name) {
        return name.indexOf('[') >= 0;
    }

    /** All names the pattern stands for, in order; {@link IllegalArgumentException} for a bad range. */
    public static List<String> expand(String line) {
        List<String> out = new ArrayList<>();
        expandInto(line, out);
        return out;
    }

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static void expandInto(String line, List<String> out) {
        int open = line.indexOf('[');
        String replaced = line.substring(0, open) + '|' + line.substring(open + 1);
        int close = replaced.indexOf(']');
        if (close < 0) {
            throw new IllegalArgumentException("host range is missing its closing ']': " + line);
        }
        replaced = replaced.substring(0, close) + '|' + replaced.substring(close + 1);
        String[] parts = replaced.split("\\|", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("host range must be begin:end or begin:end:step: " + line);
        }
        String head = parts[0];
        String tail = parts[2];
        String[] bounds = parts[1].split(":", -1);
        if (bounds.length != 2 && bounds.length != 3) {
            throw new IllegalArgumentException("host range must be begin:end or begin:end:step");
        }
        String beg = bounds[0].isEmpty() ? "0" : bounds[0];
        String end = bounds[1];
        String step = bounds.length == 3 ? bounds[2] : "1";
        if (end.isEmpty()) {
            throw new IllegalArgumentException("host range must specify end value");
        }
        int width = 0;
        if (beg.charAt(0) == '0' && beg.length() > 1) {
            width = beg.length();
            if (width != end.length()) {
                throw new IllegalArgumentException("host range must specify equal-length begin and end formats");
            }
        }
        List<String> seq = new ArrayList<>();
        int ib = LETTERS.indexOf(beg);
        int ie = LETTERS.indexOf(end);
        Integer istep = parseInt(step);
        if (ib >= 0 && ie >= 0 && istep != null) {
            if (ib > ie) {
                throw new IllegalArgumentException("host range must have begin <= end");
            }
            if (istep <= 0) {
                throw new IllegalArgumentException("host range step must be a positive number: " + step);
            }
            for (int i = ib; i <= ie; i += istep) {
                seq.add(String.valueOf(LETTERS.charAt(i)));
            }
        } else {
            Integer b = parseInt(beg);
            Integer e = parseInt(end);
            if (b == null || e == null || istep == null) {
                throw new IllegalArgumentException("host range bounds must be numbers or single letters: ["
                        + parts[1] + "]");
            }
            if (istep == 0) {
                throw new IllegalArgumentException("host range step must not be zero");
            }
            for (long i = b; istep > 0 ? i <= e : i > e + 1L; i += istep) {
                seq.add(width > 0 ? zfill(Long.toString(i), width) : Long.toString(i));
            }
        }
        for (String r : seq) {
            String name = head + r + tail;
            if (hasRange(name)) {
                expandInto(name, out);
            } else {
                out.add(name);
            }
        }
    }

    private static String zfill(String s, int width) {
        boolean neg = s.startsWith("-");
        String digits = neg ? s.substring(1) : s;
        StringBuilder b = new StringBuilder();
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return (neg ? "-" : "") + b + digits;
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.valueOf(s.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
