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
        String h = String.valueOf(host);
        Map<String, Object> above = new LinkedHashMap<>(hostVariables.facts(h));
        above.putAll(hostVariables.included(h));
        above.putAll(hostVariables.registered(h));
        return inventory.evaluatedHostVarsView(h, above);
    }

    @Override
    public boolean containsKey(Object host) {
        return inventory.hosts("all").contains(String.valueOf(host));
    }

    @Override
    public int size() {
        return inventory.hosts("all").size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return inventory.hosts("all").stream().map(h -> Map.entry(h, get(h))).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
