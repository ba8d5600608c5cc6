package dev.unwind.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A host: its inventory name, the variables set on it in inventory sources, and every group it
 * belongs to (directly or through a parent), as Ansible keeps them.
 */
public final class Host {
    private final String name;
    private final boolean implicit;
    private final Map<String, Object> vars = new LinkedHashMap<>();
    private final List<Group> groups = new ArrayList<>();

    Host(String name, boolean implicit) {
        this.name = name;
        this.implicit = implicit;
    }

    public String name() {
        return name;
    }

    /** True for the localhost Ansible makes up when a play names it but no inventory has it. */
    public boolean implicit() {
        return implicit;
    }

    public Map<String, Object> vars() {
        return Collections.unmodifiableMap(vars);
    }

    /** The host's groups including ancestors of its direct groups (and {@code all}). */
    public List<Group> groups() {
        return Collections.unmodifiableList(groups);
    }

    void setVariable(String key, Object value) {
        vars.put(key, value);
    }

    void addGroup(Group group) {
        for (Group ancestor : group.ancestors()) {
            if (!groups.contains(ancestor)) {
                groups.add(ancestor);
            }
        }
        if (!groups.contains(group)) {
            groups.add(group);
        }
    }

    void addAncestors(Collection<Group> additions) {
        for (Group g : additions) {
            if (!groups.contains(g)) {
                groups.add(g);
            }
        }
    }

    void removeGroup(Group group) {
        if (!groups.remove(group)) {
            return;
        }
        for (Group old : group.ancestors()) {
            if (old.name().equals("all")) {
                continue;
            }
            boolean stillReached = groups.stream().anyMatch(g -> g.ancestors().contains(old));
            if (!stillReached) {
                removeGroup(old);
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
