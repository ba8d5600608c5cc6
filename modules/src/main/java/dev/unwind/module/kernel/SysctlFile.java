package dev.unwind.module.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sysctl.conf as Ansible's {@code sysctl} reads and rewrites it: {@code key = value} lines (the last one of a key
 * counts), comments ({@code #}, {@code ;}), blank lines and anything without {@code =} kept verbatim. A rewrite
 * writes every setting as {@code key=value} at its first line, drops repeated keys, and appends a new key at the end.
 */
public record SysctlFile(List<String> lines) {

    public SysctlFile {
        lines = List.copyOf(lines);
    }

    public static SysctlFile parse(String text) {
        List<String> l = new ArrayList<>();
        if (!text.isEmpty()) {
            for (String line : text.split("\n", -1)) {
                l.add(line);
            }
            if (text.endsWith("\n")) {
                l.remove(l.size() - 1);
            }
        }
        return new SysctlFile(l);
    }

    private static boolean setting(String line) {
        String t = line.strip();
        return !t.isEmpty() && !t.startsWith("#") && !t.startsWith(";") && t.contains("=");
    }

    /** Every key's value, the last line of a key winning. */
    public Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        for (String line : lines) {
            if (setting(line)) {
                String[] kv = line.strip().split("=", 2);
                v.put(kv[0].strip(), kv[1].strip());
            }
        }
        return v;
    }

    /** The file with {@code key} set to {@code value}, or removed when {@code value} is null. */
    public SysctlFile with(String key, String value) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Map<String, String> current = values();
        for (String line : lines) {
            if (!setting(line)) {
                out.add(line);
                continue;
            }
            String k = line.strip().split("=", 2)[0].strip();
            if (!seen.add(k)) {
                continue;
            }
            if (k.equals(key)) {
                if (value != null) {
                    out.add(k + "=" + value);
                }
            } else {
                out.add(k + "=" + current.get(k));
            }
        }
        if (value != null && !seen.contains(key)) {
            out.add(key + "=" + value);
        }
        return new SysctlFile(out);
    }

    public String text() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** Ansible's value: booleans become 1 and 0, the rest is stripped. */
    public static String normalize(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        String s = String.valueOf(value).strip();
        return switch (s.toLowerCase()) {
            case "yes", "on", "true", "y", "t" -> "1";
            case "no", "off", "false", "n", "f" -> "0";
            default -> s;
        };
    }

    /** Values equal as the kernel sees them: the same words, whatever the tabs and spaces between. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return List.of(a.strip().split("\\s+")).equals(List.of(b.strip().split("\\s+")));
    }
}
