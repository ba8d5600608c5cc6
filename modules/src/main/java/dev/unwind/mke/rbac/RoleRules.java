package dev.unwind.mke.rbac;

import dev.unwind.mke.rbac.Mke3Authorization.Role;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes rules of an MKE 3 role. Built-in roles follow MKE's documented meaning (View Only:
 * read; Restricted Control: read and change; Full Control: everything; Scheduler and None: nothing in
 * Kubernetes). A custom role gets the verbs of its "Kubernetes …" operations; a Swarm-only role, none.
 */
final class RoleRules {
    private static final List<String> READ = List.of("get", "list", "watch");
    private static final List<String> CHANGE = List.of("create", "update", "patch", "delete");

    private RoleRules() {
    }

    static List<Map<String, Object>> of(Role role) {
        if (role.systemRole()) {
            return switch (role.id()) {
                case "viewonly" -> List.of(rule(READ));
                case "restrictedcontrol" -> List.of(rule(concat(READ, CHANGE)));
                case "fullcontrol" -> List.of(rule(List.of("*")));
                default -> List.of();
            };
        }
        Set<String> verbs = new LinkedHashSet<>();
        Object k8s = role.operations().get("Kubernetes");
        if (k8s instanceof Map<?, ?> ops) {
            for (Object op : ops.keySet()) {
                String o = String.valueOf(op);
                if (o.endsWith("Full Control")) {
                    verbs.add("*");
                } else if (o.endsWith("View")) {
                    verbs.addAll(READ);
                } else if (o.endsWith("Create")) {
                    verbs.add("create");
                } else if (o.endsWith("Update")) {
                    verbs.addAll(List.of("update", "patch"));
                } else if (o.endsWith("Delete")) {
                    verbs.add("delete");
                }
            }
        }
        if (verbs.contains("*")) {
            return List.of(rule(List.of("*")));
        }
        // a fixed verb order, whatever order the operations came in
        List<String> ordered = concat(READ, CHANGE).stream().filter(verbs::contains).toList();
        return ordered.isEmpty() ? List.of() : List.of(rule(ordered));
    }

    private static Map<String, Object> rule(List<String> verbs) {
        return Map.of("apiGroups", List.of("*"), "resources", List.of("*"), "verbs", verbs);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
