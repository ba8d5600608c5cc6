package dev.unwind.inventory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Ansible host patterns: {@code all}, {@code *}, names, globs, {@code ~regex}, {@code a:b},
 * {@code a,b}, {@code a:&b}, {@code a:!b} and subscripts {@code g[0]}, {@code g[-1]},
 * {@code g[1:3]}, resolved in Ansible's order (plain patterns, then {@code &}, then {@code !}).
 */
final class HostPattern {
    private static final Pattern SUBSCRIPT = Pattern.compile("^(.+)\\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))\\]$",
            Pattern.DOTALL);
    private static final Pattern COLON_LIST = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");

    private final InventoryData data;

    HostPattern(InventoryData data) {
        this.data = data;
    }

    /** Ansible's split_host_pattern: commas, else colons that are not part of an address or range. */
    static List<String> split(String pattern) {
        List<String> parts = new ArrayList<>();
        if (pattern.contains(",")) {
            parts.addAll(List.of(pattern.split(",", -1)));
        } else {
            try {
                HostAddress.parse(pattern, true);
                parts.add(pattern);
            } catch (IllegalArgumentException e) {
                Matcher m = COLON_LIST.matcher(pattern);
                while (m.find()) {
                    parts.add(m.group());
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (!p.strip().isEmpty()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** Resolves patterns (already split) to hosts, in Ansible's order. */
    List<Host> evaluate(List<String> patterns) {
        List<String> regular = new ArrayList<>();
        List<String> and = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (String p : patterns) {
            if (p.isEmpty()) {
                continue;
            }
            switch (p.charAt(0)) {
                case '!' -> not.add(p);
                case '&' -> and.add(p);
                default -> regular.add(p);
            }
        }
        if (regular.isEmpty()) {
            regular.add("all");
        }
        List<String> ordered = new ArrayList<>(regular);
        ordered.addAll(and);
        ordered.addAll(not);
        List<Host> hosts = new ArrayList<>();
        for (String p : ordered) {
            if (data.hosts().containsKey(p)) {
                hosts.add(data.hosts().get(p));
                continue;
            }
            List<Host> that = matchOne(p);
            if (p.charAt(0) == '!') {
                Set<Host> drop = new HashSet<>(that);
                hosts.removeIf(drop::contains);
            } else if (p.charAt(0) == '&') {
                Set<Host> keep = new HashSet<>(that);
                hosts.removeIf(h -> !keep.contains(h));
            } else {
                Set<String> existing = new HashSet<>();
                hosts.forEach(h -> existing.add(h.name()));
                for (Host h : that) {
                    if (!existing.contains(h.name())) {
                        hosts.add(h);
                    }
                }
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(hosts));
    }

    private List<Host> matchOne(String pattern) {
        if (pattern.charAt(0) == '&' || pattern.charAt(0) == '!') {
            pattern = pattern.substring(1);
        }
        String expr = pattern;
        Integer start = null;
        Integer end = null;
        if (!pattern.isEmpty() && pattern.charAt(0) != '~') {
            Matcher m = SUBSCRIPT.matcher(pattern);
            if (m.matches()) {
                expr = m.group(1);
                if (m.group(2) != null) {
                    start = Integer.valueOf(m.group(2));
                } else {
                    start = Integer.valueOf(m.group(3));
                    end = m.group(5).isEmpty() ? -1 : Integer.valueOf(m.group(5));
                }
            }
        }
        List<Host> hosts = enumerate(expr);
        if (hosts.isEmpty() || start == null) {
            return hosts;
        }
        int n = hosts.size();
        try {
            if (end != null && end != 0) {
                int last = end == -1 ? n - 1 : end;
                int from = Math.max(0, start < 0 ? n + start : start);
                int to = Math.min(n, (last < 0 ? n + last : last) + 1);
                return from >= to ? List.of() : new ArrayList<>(hosts.subList(from, to));
            }
            int i = start < 0 ? n + start : start;
            return List.of(hosts.get(i));
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("No hosts matched the subscripted pattern '" + pattern + "'");
        }
    }

    private List<Host> enumerate(String pattern) {
        List<Host> results = new ArrayList<>();
        Pattern regex = compile(pattern);
        boolean groupMatched = false;
        for (Group g : data.groups().values()) {
            if (regex.matcher(g.name()).lookingAt()) {
                groupMatched = true;
                results.addAll(g.allHosts());
            }
        }
        if (!groupMatched || pattern.charAt(0) == '~' || pattern.contains(".") || pattern.contains("?")
                || pattern.contains("*") || pattern.contains("[")) {
            for (Host h : data.hosts().values()) {
                if (regex.matcher(h.name()).lookingAt()) {
                    results.add(h);
                }
            }
        }
        if (results.isEmpty() && InventoryData.LOCALHOST.contains(pattern)) {
            results.add(data.hostOrImplicit(pattern));
        }
        return results;
    }

    private static Pattern compile(String pattern) {
        try {
            if (pattern.charAt(0) == '~') {
                return Pattern.compile(pattern.substring(1));
            }
            return Pattern.compile(globToRegex(pattern) + "\\z", Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid host list pattern: " + pattern);
        }
    }

    /** Python's fnmatch.translate: *, ?, [seq], [!seq]; everything else literal. */
    static String globToRegex(String glob) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = glob.length();
        while (i < n) {
            char c = glob.charAt(i++);
            if (c == '*') {
                out.append(".*");
            } else if (c == '?') {
                out.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && glob.charAt(j) == '!') {
                    j++;
                }
                if (j < n && glob.charAt(j) == ']') {
                    j++;
                }
                while (j < n && glob.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    out.append("\\[");
                } else {
                    String stuff = glob.substring(i, j).replace("\\", "\\\\");
                    i = j + 1;
                    if (stuff.startsWith("!")) {
                        stuff = "^" + stuff.substring(1);
                    } else if (stuff.startsWith("^")) {
                        stuff = "\\" + stuff;
                    }
                    stuff = stuff.replace("[", "\\[").replace("&&", "\\&\\&");
                    out.append('[').append(stuff).append(']');
                }
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }
}
