package dev.unwind.exec;

import dev.unwind.inventory.Inventory;
import dev.unwind.module.control.AddHostModule;
import dev.unwind.module.control.GroupByModule;

import java.util.List;
import java.util.Map;

/**
 * What add_host and group_by ask of the inventory, applied after their task, when no task is running: hosts and
 * groups added in memory for the rest of the run (nothing is written to the inventory's files, as in Ansible).
 */
final class RuntimeInventory {
    private RuntimeInventory() {
    }

    static boolean changes(Map<String, HostOutcome> outcomes) {
        return outcomes.values().stream().anyMatch(o -> !o.status().equals("failed")
                && (o.result().containsKey(AddHostModule.KEY) || o.result().containsKey(GroupByModule.KEY)
                || items(o).stream().anyMatch(i -> i.containsKey(AddHostModule.KEY))));
    }

    @SuppressWarnings("unchecked")
    static void apply(Inventory inventory, Map<String, HostOutcome> outcomes) {
        outcomes.forEach((host, o) -> {
            if (o.status().equals("failed")) {
                return;
            }
            addHost(inventory, o.result());
            items(o).forEach(item -> addHost(inventory, item));
            if (o.result().get(GroupByModule.KEY) instanceof String group) {
                inventory.addToGroup(host, group, (List<String>) o.result().getOrDefault(GroupByModule.PARENTS, List.of("all")));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void addHost(Inventory inventory, Map<String, Object> result) {
        if (result.get(AddHostModule.KEY) instanceof Map<?, ?> added) {
            inventory.addHost(String.valueOf(added.get("host_name")), (List<String>) added.get("groups"),
                    (Map<String, Object>) added.get("host_vars"));
        }
    }

    /** A looped add_host: one result per item. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(HostOutcome o) {
        return o.result().get("results") instanceof List<?> l
                ? l.stream().filter(x -> x instanceof Map<?, ?>).map(x -> (Map<String, Object>) x).toList() : List.of();
    }
}
