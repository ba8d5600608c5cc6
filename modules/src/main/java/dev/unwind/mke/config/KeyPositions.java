package dev.unwind.mke.config;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each key of a TOML document is written, by dotted path ({@code cluster_config.kubelet_max_pods},
 * {@code a.b[1].c} for the second {@code [[a.b]]} table). Jackson's TOML reader builds a tree without
 * positions, so this scans the lines once; it is used only to point at a setting in an error message.
 */
public final class KeyPositions {
    private static final String KEY_PART = "(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')";
    private static final String KEY = KEY_PART + "(?:\\s*\\.\\s*" + KEY_PART + ")*";
    private static final Pattern ARRAY_TABLE = Pattern.compile("^(\\s*)\\[\\[\\s*(" + KEY + ")\\s*]]");
    private static final Pattern TABLE = Pattern.compile("^(\\s*)\\[\\s*(" + KEY + ")\\s*]");
    private static final Pattern ASSIGNMENT = Pattern.compile("^(\\s*)(" + KEY + ")\\s*=");

    private final Map<String, int[]> positions = new HashMap<>();
    private int[] firstDuplicate;

    KeyPositions(String text) {
        Map<String, Integer> arrayCounts = new HashMap<>();
        String table = "";
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m;
            if ((m = ARRAY_TABLE.matcher(line)).find()) {
                String path = normalise(m.group(2));
                int index = arrayCounts.merge(path, 1, Integer::sum) - 1;
                table = path + "[" + index + "]";
                positions.putIfAbsent(table, new int[] {i + 1, m.group(1).length() + 1});
                positions.putIfAbsent(path, new int[] {i + 1, m.group(1).length() + 1});
            } else if ((m = TABLE.matcher(line)).find()) {
                table = withIndexes(normalise(m.group(2)), arrayCounts);
                remember(table, new int[] {i + 1, m.group(1).length() + 1});
            } else if ((m = ASSIGNMENT.matcher(line)).find()) {
                String key = normalise(m.group(2));
                String path = table.isEmpty() ? key : table + "." + key;
                remember(path, new int[] {i + 1, m.group(1).length() + 1});
            }
        }
    }

    private void remember(String path, int[] at) {
        if (positions.putIfAbsent(path, at) != null && firstDuplicate == null) {
            firstDuplicate = at;
        }
    }

    /** {line, column} of the first key or table written a second time, or null (Jackson points past it). */
    int[] firstDuplicate() {
        return firstDuplicate;
    }

    /** A sub-table of an array table ({@code [a.b.c]} after {@code [[a.b]]}) belongs to its last element. */
    private static String withIndexes(String path, Map<String, Integer> arrayCounts) {
        String best = null;
        for (String arrayPath : arrayCounts.keySet()) {
            if (path.startsWith(arrayPath + ".") && (best == null || arrayPath.length() > best.length())) {
                best = arrayPath;
            }
        }
        return best == null ? path : best + "[" + (arrayCounts.get(best) - 1) + "]" + path.substring(best.length());
    }

    private static String normalise(String key) {
        StringBuilder out = new StringBuilder();
        for (String part : key.split("\\s*\\.\\s*(?=(?:[^\"']|\"[^\"]*\"|'[^']*')*$)")) {
            if (out.length() > 0) {
                out.append('.');
            }
            String p = part.strip();
            if (p.length() >= 2 && (p.startsWith("\"") || p.startsWith("'"))) {
                p = p.substring(1, p.length() - 1);
            }
            out.append(p);
        }
        return out.toString();
    }

    /** {line, column} of the key at this path or of its nearest enclosing table; {1, 1} when unknown. */
    int[] of(String path) {
        String p = path;
        while (true) {
            int[] at = positions.get(p);
            if (at != null) {
                return at;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return new int[] {1, 1};
            }
            p = p.substring(0, cut);
        }
    }
}
