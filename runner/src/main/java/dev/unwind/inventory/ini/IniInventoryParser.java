package dev.unwind.inventory.ini;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.inventory.HostAddress;
import dev.unwind.inventory.HostRange;
import dev.unwind.inventory.InventoryData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one INI inventory into {@link InventoryData}; a problem is an {@link InvalidInput} with file:line:column. */
public final class IniInventoryParser {
    private static final Pattern SECTION = Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:#.*)?$",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$");

    private final InventoryData data;
    private final String file;
    private int lineNo;

    private record Pending(int line, String state, String name, List<String> parents) {
    }

    public IniInventoryParser(InventoryData data, String file) {
        this.data = data;
        this.file = file;
    }

    public void parse(String text) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        String group = "ungrouped";
        String state = "hosts";
        lineNo = 0;
        for (String raw : text.split("\\r\\n|\\n|\\r|\\u000b|\\u000c|\\u001c|\\u001d|\\u001e|\\u0085|\\u2028|\\u2029", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
                continue;
            }
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                group = m.group(1);
                state = m.group(2) == null ? "hosts" : m.group(2);
                if (!state.equals("hosts") && !state.equals("children") && !state.equals("vars")) {
                    throw error(1, "Section [" + group + ":" + state + "] has unknown type: " + state
                            + " (use hosts, vars or children)");
                }
                if (!data.groups().containsKey(group)) {
                    if (state.equals("vars") && !pending.containsKey(group)) {
                        pending.put(group, new Pending(lineNo, state, group, new ArrayList<>()));
                    }
                    data.addGroup(group);
                }
                if (pending.containsKey(group) && !state.equals("vars")) {
                    if (pending.get(group).state().equals("children")) {
                        addPendingChildren(group, pending);
                    } else if (pending.get(group).state().equals("vars")) {
                        pending.remove(group);
                    }
                }
                continue;
            } else if (line.startsWith("[") && line.endsWith("]")) {
                throw error(1, "Invalid section entry: '" + line + "'. Please make sure that there are no spaces"
                        + " in the section entry, and that there are no other invalid characters");
            }
            switch (state) {
                case "hosts" -> hostLine(line, group);
                case "vars" -> {
                    int eq = line.indexOf('=');
                    if (eq < 0) {
                        throw error(1, "Expected key=value, got: " + line);
                    }
                    String key = line.substring(0, eq).strip();
                    data.setVariable(group, key, value(line.substring(eq + 1).strip()), new Position(file, lineNo, 1));
                }
                default -> {
                    Matcher g = GROUP_NAME.matcher(line);
                    if (!g.matches()) {
                        throw error(1, "Expected group name, got: " + line);
                    }
                    String child = g.group(1);
                    if (!data.groups().containsKey(child)) {
                        Pending p = pending.get(child);
                        if (p == null) {
                            pending.put(child, new Pending(lineNo, "children", child, new ArrayList<>(List.of(group))));
                        } else {
                            p.parents().add(group);
                        }
                    } else {
                        addChild(group, child, 1);
                    }
                }
            }
        }
        for (Pending p : pending.values()) {
            if (p.state().equals("vars")) {
                throw new InvalidInput(new Position(file, p.line(), 1), "Section [" + p.name()
                        + ":vars] not valid for undefined group: " + p.name() + " (define [" + p.name() + "] first)");
            }
            throw new InvalidInput(new Position(file, p.line(), 1), "Section [" + p.parents().get(p.parents().size() - 1)
                    + ":children] includes undefined group: " + p.name() + " (add a [" + p.name() + "] section)");
        }
    }

    private void addPendingChildren(String group, Map<String, Pending> pending) {
        for (String parent : pending.get(group).parents()) {
            addChild(parent, group, 1);
            if (pending.containsKey(parent) && pending.get(parent).state().equals("children")) {
                addPendingChildren(parent, pending);
            }
        }
        pending.remove(group);
    }

    private void addChild(String parent, String child, int column) {
        try {
            data.addChild(parent, child);
        } catch (IllegalArgumentException e) {
            throw error(column, e.getMessage());
        }
    }

    private void hostLine(String line, String group) {
        List<String> tokens;
        try {
            tokens = ShellWords.split(line);
        } catch (IllegalArgumentException e) {
            throw error(1, "Error parsing host definition '" + line + "': " + e.getMessage());
        }
        if (tokens.isEmpty()) {
            return;
        }
        String pattern = tokens.get(0);
        List<String> names;
        Integer port;
        try {
            HostAddress address = HostAddress.parse(pattern, true);
            port = address.port();
            names = expand(address.host());
        } catch (IllegalArgumentException notAnAddress) {
            port = null;
            names = expand(pattern);
        }
        if (pattern.strip().endsWith(":") && port == null) {
            throw error(1, "Invalid host pattern '" + pattern + "' supplied, ending in ':' is not allowed, this"
                    + " character is reserved to provide a port.");
        }
        for (String n : names) {
            if (n.strip().equals("---")) {
                throw error(1, "Invalid host pattern '" + pattern + "' supplied, '---' is normally a sign this is a"
                        + " YAML file.");
            }
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        for (String t : tokens.subList(1, tokens.size())) {
            int eq = t.indexOf('=');
            if (eq < 0) {
                throw error(column(line, t), "Expected key=value host variable assignment, got: " + t);
            }
            vars.put(t.substring(0, eq), value(t.substring(eq + 1)));
        }
        try {
            for (String n : names) {
                data.addHost(n, group, port);
                for (Map.Entry<String, Object> v : vars.entrySet()) {
                    data.setVariable(n, v.getKey(), v.getValue(), new Position(file, lineNo, column(line, v.getKey() + "=")));
                }
            }
        } catch (IllegalArgumentException e) {
            throw error(1, e.getMessage());
        }
    }

    private List<String> expand(String pattern) {
        if (!HostRange.hasRange(pattern)) {
            return List.of(pattern);
        }
        try {
            return HostRange.expand(pattern);
        } catch (IllegalArgumentException e) {
            throw error(1, "bad host range in '" + pattern + "': " + e.getMessage());
        }
    }

    /** An INI value typed as Ansible types it: a Python literal if it is one, else the text itself. */
    public static Object value(String text) {
        Optional<Object> literal = PythonLiteral.parse(text);
        if (literal.isEmpty()) {
            return text;
        }
        Object v = literal.get();
        return v == PythonLiteral.NONE ? null : v;
    }

    private static int column(String line, String token) {
        int i = line.indexOf(token);
        return i < 0 ? 1 : i + 1;
    }

    private InvalidInput error(int column, String message) {
        return new InvalidInput(new Position(file, lineNo, column), message);
    }
}
