package dev.unwind.exec;

import dev.unwind.inventory.Inventory;
import dev.unwind.vars.HostVariables;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code hostvars[host]}: another host's inventory variables, facts, included vars and registered results, read when asked. */
final class HostVarsView extends AbstractMap<String, Object> {
    private final Inventory inventory;
    private final HostVariables hostVariables;

    HostVarsView(Inventory inventory, HostVariables hostVariables) {
        this.inventory = inventory;
        this.hostVariables = hostVariables;
    }

    @Override
    public Object get(Object host) {
        Map<String, Object> v = new LinkedHashMap<>(inventory.hostVars(String.valueOf(host)));
        v.putAll(hostVariables.facts(String.valueOf(host)));
        v.putAll(hostVariables.included(String.valueOf(host)));
        v.putAll(hostVariables.registered(String.valueOf(host)));
        return v;
    }

    @Override
    public boolean containsKey(Object host) {
        return inventory.hosts("all").contains(String.valueOf(host));
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return inventory.hosts("all").stream().map(h -> Map.entry(h, get(h))).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
