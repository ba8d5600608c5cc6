package dev.unwind.inventory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@code ansible-inventory --list}, {@code --host} and {@code --graph} show, built from an {@link Inventory}. */
public final class InventoryListing {
    /** Variables ansible-inventory leaves out of its output. */
    static final Set<String> INTERNAL_VARS = Set.of("ansible_diff_mode", "ansible_config_file", "ansible_facts",
            "ansible_forks", "ansible_inventory_sources", "ansible_limit", "ansible_playbook_python",
            "ansible_run_tags", "ansible_skip_tags", "ansible_verbosity", "ansible_version", "inventory_dir",
            "inventory_file", "inventory_hostname", "inventory_hostname_short", "groups", "group_names", "omit",
            "playbook_dir");

    private final Inventory inventory;

    public InventoryListing(Inventory inventory) {
        this.inventory = inventory;
    }

    /** The {@code --list} document: groups with hosts/children (empty ones left out) and {@code _meta.hostvars}. */
    public Map<String, Object> list(String limit) {
        Map<String, Object> results = new LinkedHashMap<>();
        formatGroup(inventory.data().groups().get("all"), results, new HashSet<>());
        Map<String, Object> hostvars = new LinkedHashMap<>();
        for (Host h : inventory.listedHosts(limit)) {
            Map<String, Object> vars = host(h.name());
            if (!vars.isEmpty()) {
                hostvars.put(h.name(), vars);
            }
        }
        results.put("_meta", Map.of("hostvars", hostvars));
        return results;
    }

    private void formatGroup(Group group, Map<String, Object> results, Set<String> seen) {
        Map<String, Object> entry = new LinkedHashMap<>();
        results.put(group.name(), entry);
        if (!group.name().equals("all")) {
            List<String> hosts = group.hosts().stream().map(Host::name).toList();
            if (!hosts.isEmpty()) {
                entry.put("hosts", hosts);
            }
        }
        List<String> children = new ArrayList<>();
        for (Group sub : group.children()) {
            children.add(sub.name());
            if (!seen.contains(sub.name())) {
                formatGroup(sub, results, seen);
                seen.add(sub.name());
            }
        }
        if (!children.isEmpty()) {
            entry.put("children", children);
        }
        if (entry.isEmpty()) {
            results.remove(group.name());
        }
    }

    /** The {@code --host} document: the host's merged variables without Ansible's internal ones. */
    public Map<String, Object> host(String name) {
        Map<String, Object> vars = new LinkedHashMap<>(inventory.rawHostVars(name));
        vars.keySet().removeAll(INTERNAL_VARS);
        return vars;
    }

    /** The {@code --graph} text starting at a group. */
    public String graph(String groupName) {
        Group start = inventory.data().groups().get(groupName);
        if (start == null) {
            throw new IllegalArgumentException("Pattern must be valid group name when using --graph");
        }
        List<String> lines = new ArrayList<>();
        graph(start, 0, lines);
        return String.join("\n", lines);
    }

    private static void graph(Group group, int depth, List<String> lines) {
        lines.add(name("@" + group.name() + ":", depth));
        for (Group kid : group.children()) {
            graph(kid, depth + 1, lines);
        }
        if (!group.name().equals("all")) {
            for (Host h : group.hosts()) {
                lines.add(name(h.name(), depth + 1));
            }
        }
    }

    private static String name(String name, int depth) {
        return depth == 0 ? name : "  |".repeat(depth) + "--" + name;
    }
}
