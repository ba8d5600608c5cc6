package dev.unwind.inventory;

import dev.unwind.input.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hosts and groups every source writes into, with Ansible's rules for adding them: groups
 * {@code all} and {@code ungrouped} always exist, a host keeps the first source that named it, and
 * {@link #reconcile()} hangs orphan groups under {@code all} and orphan hosts under {@code ungrouped}.
 * Parsers call {@link #addGroup}, {@link #addHost}, {@link #addChild} and {@link #setVariable}; a
 * problem is reported as {@link IllegalArgumentException} with Ansible's message, which the parser
 * turns into a positioned error.
 */
public final class InventoryData {
    static final Set<String> LOCALHOST = Set.of("127.0.0.1", "localhost", "::1");

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    /** Where each group's and host's own variables were written, for messages about their values. */
    private final Map<String, Map<String, Position>> origins = new java.util.HashMap<>();
    private Path currentSource;

    public InventoryData() {
        addGroup("all");
        addGroup("ungrouped");
        addChild("all", "ungrouped");
    }

    public Map<String, Group> groups() {
        return Collections.unmodifiableMap(groups);
    }

    public Map<String, Host> hosts() {
        return Collections.unmodifiableMap(hosts);
    }

    void currentSource(Path source) {
        this.currentSource = source;
    }

    /** Adds a group if missing; returns its name. */
    public String addGroup(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Invalid empty/false group name provided: " + name);
        }
        groups.computeIfAbsent(name, Group::new);
        return name;
    }

    /** Adds a host if missing, and puts it in {@code group} when given (the group must exist). */
    public String addHost(String name, String group, Integer port) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Invalid empty host name provided: " + name);
        }
        Group g = null;
        if (group != null) {
            g = groups.get(group);
            if (g == null) {
                throw new IllegalArgumentException("Could not find group " + group + " in inventory");
            }
        }
        Host h = hosts.get(name);
        if (h == null) {
            h = new Host(name, false);
            if (port != null) {
                h.setVariable("ansible_port", port);
            }
            hosts.put(name, h);
            h.setVariable("inventory_file", currentSource == null ? null : currentSource.toString());
            h.setVariable("inventory_dir", currentSource == null ? null : String.valueOf(currentSource.getParent()));
        }
        if (g != null) {
            g.addHost(h);
        }
        return name;
    }

    /** Makes {@code child} (a group or a host) a member of {@code group}. */
    public void addChild(String group, String child) {
        Group g = groups.get(group);
        if (g == null) {
            throw new IllegalArgumentException(group + " is not a known group");
        }
        if (groups.containsKey(child)) {
            g.addChild(groups.get(child));
        } else if (hosts.containsKey(child)) {
            g.addHost(hosts.get(child));
        } else {
            throw new IllegalArgumentException(child + " is not a known host nor group");
        }
    }

    /** Sets a variable on a group or a host of that name (a group wins, as in Ansible). */
    public void setVariable(String entity, String key, Object value) {
        setVariable(entity, key, value, currentSource == null ? null : Position.of(currentSource.toString()));
    }

    /** As {@link #setVariable(String, String, Object)}, remembering where it was written (nullable). */
    public void setVariable(String entity, String key, Object value, Position where) {
        if (where != null && (groups.containsKey(entity) || hosts.containsKey(entity))) {
            origins.computeIfAbsent(entity, e -> new java.util.HashMap<>()).put(key, where);
        }
        if (groups.containsKey(entity)) {
            groups.get(entity).setVariable(key, value);
        } else if (hosts.containsKey(entity)) {
            hosts.get(entity).setVariable(key, value);
        } else {
            throw new IllegalArgumentException("Could not identify group or host named " + entity);
        }
    }

    /** Where a group's or host's own variable was written, or null when not known. */
    Position origin(String entity, String key) {
        return origins.getOrDefault(entity, Map.of()).get(key);
    }

    /** Ansible's reconcile_inventory: orphan groups go under all, hosts with no group into ungrouped. */
    void reconcile() {
        currentSource = null;
        Group all = groups.get("all");
        Group ungrouped = groups.get("ungrouped");
        for (Group g : new ArrayList<>(groups.values())) {
            if (g != all && g.ancestors().isEmpty()) {
                all.addChild(g);
            }
        }
        for (Host h : hosts.values()) {
            List<Group> mine = h.groups();
            if (mine.contains(ungrouped)) {
                if (mine.stream().anyMatch(g -> g != all && g != ungrouped)) {
                    ungrouped.removeHost(h);
                }
            } else if (!h.implicit()) {
                if (mine.isEmpty() || (mine.size() == 1 && mine.contains(all))) {
                    ungrouped.addHost(h);
                }
            }
        }
    }

    /**
     * The host of that name, or for {@code localhost}, {@code 127.0.0.1} and {@code ::1} missing from
     * the inventory, Ansible's implicit local host (connection local, all's variables); otherwise null.
     */
    Host hostOrImplicit(String name) {
        Host h = hosts.get(name);
        if (h == null && LOCALHOST.contains(name)) {
            for (Host candidate : hosts.values()) {
                if (LOCALHOST.contains(candidate.name())) {
                    return candidate;
                }
            }
            h = new Host(name, true);
            h.setVariable("ansible_connection", "local");
            h.setVariable("ansible_python_interpreter", "/usr/bin/python3");
        }
        return h;
    }
}
