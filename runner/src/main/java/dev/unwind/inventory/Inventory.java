package dev.unwind.inventory;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Interim inventory until the full reader lands: a comma list ({@code -i localhost,}) or a minimal INI
 * file (groups and inline {@code key=value} host variables).
 */
public final class Inventory {
    private final Map<String, Map<String, Object>> hosts = new LinkedHashMap<>();
    private final Map<String, Set<String>> groups = new LinkedHashMap<>();

    public static Inventory load(List<String> sources, Path playbookDir, Object vault) {
        Inventory inv = new Inventory();
        inv.groups.put("all", new LinkedHashSet<>());
        inv.groups.put("ungrouped", new LinkedHashSet<>());
        for (String src : sources) {
            Path p = Path.of(src);
            if (!Files.exists(p) && src.contains(",")) {
                for (String h : src.split(",")) {
                    if (!h.isBlank()) {
                        inv.add(h.trim(), "ungrouped", Map.of());
                    }
                }
            } else {
                inv.readIni(p);
            }
        }
        return inv;
    }

    private void readIni(Path p) {
        List<String> lines;
        try {
            lines = Files.readAllLines(p);
        } catch (IOException e) {
            throw new InvalidInput(Position.of(p.toString()), "cannot read inventory: " + e.getMessage());
        }
        String group = "ungrouped";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new InvalidInput(new Position(p.toString(), i + 1, 1), "a group header is written [name]");
                }
                group = line.substring(1, line.length() - 1);
                groups.computeIfAbsent(group, g -> new LinkedHashSet<>());
                continue;
            }
            String[] words = line.split("\\s+");
            Map<String, Object> vars = new LinkedHashMap<>();
            for (int w = 1; w < words.length; w++) {
                int eq = words[w].indexOf('=');
                if (eq <= 0) {
                    throw new InvalidInput(new Position(p.toString(), i + 1, line.indexOf(words[w]) + 1),
                            "expected key=value after the host name, got '" + words[w] + "'");
                }
                vars.put(words[w].substring(0, eq), words[w].substring(eq + 1));
            }
            add(words[0], group, vars);
        }
    }

    private void add(String host, String group, Map<String, Object> vars) {
        Map<String, Object> hv = hosts.computeIfAbsent(host, h -> new LinkedHashMap<>());
        hv.putAll(vars);
        groups.get("all").add(host);
        groups.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(host);
    }

    public List<String> hosts(String pattern) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : pattern.split("[:,]")) {
            String p = part.strip();
            if (p.equals("all") || p.equals("*")) {
                out.addAll(groups.get("all"));
            } else if (groups.containsKey(p)) {
                out.addAll(groups.get(p));
            } else if (hosts.containsKey(p)) {
                out.add(p);
            } else if (p.equals("localhost")) {
                hosts.computeIfAbsent("localhost", h -> new LinkedHashMap<>(Map.of("ansible_connection", "local")));
                out.add(p);
            }
        }
        return new ArrayList<>(out);
    }

    public List<String> limit(List<String> selected, String limitPattern) {
        Set<String> allowed = new LinkedHashSet<>(hosts(limitPattern));
        return selected.stream().filter(allowed::contains).toList();
    }

    public Map<String, Object> hostVars(String host) {
        Map<String, Object> v = new LinkedHashMap<>(hosts.getOrDefault(host, Map.of()));
        if (host.equals("localhost") || host.equals("127.0.0.1")) {
            v.putIfAbsent("ansible_connection", "local");
        }
        v.put("inventory_hostname", host);
        return v;
    }

    public List<String> groupNames(String host) {
        Set<String> names = new TreeSet<>();
        groups.forEach((g, members) -> {
            if (!g.equals("all") && !g.equals("ungrouped") && members.contains(host)) {
                names.add(g);
            }
        });
        return new ArrayList<>(names);
    }

    public Map<String, List<String>> groups() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        groups.forEach((g, m) -> out.put(g, new ArrayList<>(m)));
        return out;
    }
}
