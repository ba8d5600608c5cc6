package dev.unwind.inventory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group of hosts as Ansible models it: direct hosts, child and parent groups, its own variables,
 * a depth (longest distance from {@code all}) and {@code ansible_group_priority}. Mutated only by
 * {@link InventoryData} while sources are read.
 */
public final class Group {
    private final String name;
    private int depth;
    private int priority = 1;
    private final List<Host> hosts = new ArrayList<>();
    private final Set<Host> hostSet = new java.util.HashSet<>();
    private final List<Group> children = new ArrayList<>();
    private final List<Group> parents = new ArrayList<>();
    private final Map<String, Object> vars = new LinkedHashMap<>();

    Group(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public int depth() {
        return depth;
    }

    public int priority() {
        return priority;
    }

    /** Hosts added to this group directly, in the order they were added. */
    public List<Host> hosts() {
        return Collections.unmodifiableList(hosts);
    }

    public List<Group> children() {
        return Collections.unmodifiableList(children);
    }

    public List<Group> parents() {
        return Collections.unmodifiableList(parents);
    }

    /** This group's own variables (not group_vars files, not inherited). */
    public Map<String, Object> vars() {
        return Collections.unmodifiableMap(vars);
    }

    void setVariable(String key, Object value) {
        if ("ansible_group_priority".equals(key)) {
            priority = GroupPriority.of(value);
            return;
        }
        vars.put(key, value);
    }

    /** Every group above this one (transitively). */
    public Set<Group> ancestors() {
        Set<Group> seen = new LinkedHashSet<>();
        Deque<Group> todo = new ArrayDeque<>(parents);
        while (!todo.isEmpty()) {
            Group g = todo.pop();
            if (seen.add(g)) {
                todo.addAll(g.parents);
            }
        }
        return seen;
    }

    /** This group and every group below it, breadth first in declaration order. */
    public List<Group> selfAndDescendants() {
        List<Group> ordered = new ArrayList<>();
        Set<Group> seen = new LinkedHashSet<>();
        Deque<Group> todo = new ArrayDeque<>();
        todo.add(this);
        while (!todo.isEmpty()) {
            Group g = todo.poll();
            if (seen.add(g)) {
                ordered.add(g);
                todo.addAll(g.children);
            }
        }
        return ordered;
    }

    /** Hosts of this group and of every group below it, each once; {@code all} leaves out implicit hosts. */
    public List<Host> allHosts() {
        Set<Host> result = new LinkedHashSet<>();
        for (Group g : selfAndDescendants()) {
            for (Host h : g.hosts) {
                if (!(name.equals("all") && h.implicit())) {
                    result.add(h);
                }
            }
        }
        return new ArrayList<>(result);
    }

    boolean addHost(Host host) {
        if (!hostSet.add(host)) {
            return false;
        }
        hosts.add(host);
        host.addGroup(this);
        return true;
    }

    boolean removeHost(Host host) {
        if (hostSet.remove(host)) {
            hosts.remove(host);
            host.removeGroup(this);
            return true;
        }
        return false;
    }

    /** Adds a child group; refuses a loop the way Ansible does. */
    void addChild(Group child) {
        if (child == this) {
            throw new IllegalArgumentException("can't add group " + name + " to itself");
        }
        if (children.contains(child)) {
            return;
        }
        Set<Group> myAncestors = ancestors();
        if (myAncestors.contains(child)) {
            throw new IllegalArgumentException("Adding group '" + child.name + "' as child to '" + name
                    + "' creates a recursive dependency loop.");
        }
        Set<Group> newAncestors = new LinkedHashSet<>(myAncestors);
        newAncestors.add(this);
        newAncestors.removeAll(child.ancestors());
        children.add(child);
        child.raiseDepth(depth + 1);
        if (!child.parents.contains(this)) {
            child.parents.add(this);
            for (Host h : child.allHosts()) {
                h.addAncestors(newAncestors);
            }
        }
    }

    private void raiseDepth(int atLeast) {
        if (depth >= atLeast) {
            return;
        }
        depth = atLeast;
        for (Group c : children) {
            c.raiseDepth(depth + 1);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
