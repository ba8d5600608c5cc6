package dev.unwind.mke.rbac;

import dev.unwind.mke.kube.Desired;
import dev.unwind.mke.kube.ObjectRef;
import dev.unwind.mke.rbac.Mke3Authorization.Grant;
import dev.unwind.mke.rbac.Mke3Authorization.Org;
import dev.unwind.mke.rbac.Mke3Authorization.Role;
import dev.unwind.mke.rbac.Mke3Authorization.Team;
import dev.unwind.mke.rbac.Mke3Authorization.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Translates MKE 3 organizations, teams, roles and grants into Kubernetes RBAC objects. */
public final class RbacTranslation {
    public static final String PLACEHOLDER_ROLE = "none";
    static final String LABEL_PREFIX = "unwind.dev/aggregate-to-";
    private static final Set<String> RESERVED = Set.of("admin", "edit", "view", "cluster-admin");
    private static final String NAMESPACES = "kubernetesnamespaces";

    /**
     * The result.
     *
     * @param notCarried grants and roles not carried over, with why (Swarm collections, unknown subjects)
     */
    public record Plan(List<Desired> objects, int orgs, int teams, List<String> notCarried) {
    }

    public Plan translate(Mke3Authorization a) {
        Map<String, String> roleNames = new LinkedHashMap<>();
        for (Role r : a.roles()) {
            roleNames.put(r.id(), roleObjectName(r.name()));
        }
        Map<String, String> teamAggregates = teamAggregateNames(a.teams());
        // aggregate name -> the ClusterRoles it aggregates (by label)
        Map<String, Set<String>> aggregated = new LinkedHashMap<>();
        a.orgs().forEach(o -> aggregated.put(o.name() + "-org", new LinkedHashSet<>()));
        a.teams().forEach(t -> aggregated.put(teamAggregates.get(t.id()), new LinkedHashSet<>()));
        for (Team t : a.teams()) {
            Set<String> org = aggregated.get(t.org() + "-org");
            if (org != null) {
                org.add(teamAggregates.get(t.id()));
            }
        }
        List<String> notCarried = new ArrayList<>();
        List<Desired> bindings = new ArrayList<>();
        for (Grant g : a.grants()) {
            String role = roleNames.get(g.roleId());
            Subject subject = subject(a, g.subjectId(), teamAggregates).orElse(null);
            if (role == null || subject == null) {
                notCarried.add("grant " + g.subjectId() + " -> " + g.roleId() + " on " + g.objectId()
                        + ": unknown " + (role == null ? "role" : "subject"));
                continue;
            }
            if (!g.objectId().equals(NAMESPACES) && !g.objectId().startsWith(NAMESPACES + "/")) {
                notCarried.add("grant of " + g.roleId() + " to " + subject.label() + " on the Swarm collection '"
                        + g.objectId() + "': Swarm authorization is not carried over");
                continue;
            }
            if (subject.aggregate() != null) {
                aggregated.get(subject.aggregate()).add(role);
            }
            if (subject.users().isEmpty()) {
                notCarried.add("grant of " + g.roleId() + " to " + subject.label() + " on " + g.objectId() + ": no members to bind");
                continue;
            }
            bindings.add(binding(g, subject, role));
        }
        List<Desired> objects = new ArrayList<>();
        Map<String, Set<String>> labelsByRole = new TreeMap<>();
        aggregated.forEach((agg, members) -> {
            if (members.isEmpty()) {
                members.add(PLACEHOLDER_ROLE);
            }
            members.forEach(m -> labelsByRole.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(agg));
        });
        Set<String> written = new LinkedHashSet<>();
        for (Role r : a.roles()) {
            String name = roleNames.get(r.id());
            if (written.add(name)) {
                objects.add(clusterRole(name, RoleRules.of(r), labelsByRole.getOrDefault(name, Set.of()), null,
                        "MKE 3 role " + r.name()));
            }
        }
        if (!written.contains(PLACEHOLDER_ROLE)) {
            objects.add(clusterRole(PLACEHOLDER_ROLE, List.of(), labelsByRole.getOrDefault(PLACEHOLDER_ROLE, Set.of()), null,
                    "placeholder: an aggregated role needs at least one role"));
        }
        for (String agg : aggregated.keySet()) {
            objects.add(clusterRole(agg, null, labelsByRole.getOrDefault(agg, Set.of()), agg,
                    agg.endsWith("-org") ? "MKE 3 organization" : "MKE 3 team"));
        }
        objects.addAll(bindings);
        return new Plan(objects, a.orgs().size(), a.teams().size(), notCarried);
    }

    /** Who a grant's subject is: a user, or a team's or organization's members (with its aggregate). */
    private record Subject(String label, String aggregate, List<String> users, String kind) {
    }

    private static Optional<Subject> subject(Mke3Authorization a, String id, Map<String, String> teamAggregates) {
        for (User u : a.users()) {
            if (u.id().equals(id)) {
                return Optional.of(new Subject("user " + u.name(), null, List.of(u.name()), u.name()));
            }
        }
        for (Team t : a.teams()) {
            if (t.id().equals(id)) {
                String agg = teamAggregates.get(t.id());
                return Optional.of(new Subject("team " + t.org() + "/" + t.name(), agg, t.members(), agg));
            }
        }
        for (Org o : a.orgs()) {
            if (o.id().equals(id)) {
                Set<String> members = new LinkedHashSet<>();
                a.teams().stream().filter(t -> t.org().equals(o.name())).forEach(t -> members.addAll(t.members()));
                return Optional.of(new Subject("organization " + o.name(), o.name() + "-org", List.copyOf(members),
                        o.name() + "-org"));
            }
        }
        return Optional.empty();
    }

    private static Desired binding(Grant g, Subject s, String role) {
        String name = dnsName(s.kind() + "-" + role);
        boolean cluster = g.objectId().equals(NAMESPACES);
        ObjectRef ref = cluster ? ObjectRef.clusterRoleBinding(name)
                : ObjectRef.roleBinding(g.objectId().substring(NAMESPACES.length() + 1), name);
        Map<String, Object> m = managed(ref, Map.of(), "MKE 3 grant of " + g.roleId() + " to " + s.label());
        m.put("roleRef", ordered("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole", "name", role));
        m.put("subjects", s.users().stream().map(u -> (Object) ordered("apiGroup", "rbac.authorization.k8s.io",
                "kind", "User", "name", u)).toList());
        return new Desired(ref, m, false);
    }

    private static Desired clusterRole(String name, List<Map<String, Object>> rules, Set<String> aggregateTo,
                                       String aggregateName, String description) {
        ObjectRef ref = ObjectRef.clusterRole(name);
        Map<String, String> labels = new TreeMap<>();
        aggregateTo.forEach(agg -> labels.put(labelKey(agg), "true"));
        Map<String, Object> m = managed(ref, labels, description);
        if (aggregateName != null) {
            m.put("aggregationRule", Map.of("clusterRoleSelectors",
                    List.of(Map.of("matchLabels", Map.of(labelKey(aggregateName), "true")))));
            m.put("rules", List.of());
        } else {
            m.put("rules", rules);
        }
        return new Desired(ref, m, false);
    }

    private static Map<String, Object> managed(ObjectRef ref, Map<String, String> labels, String description) {
        Map<String, Object> m = ref.skeleton();
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) m.get("metadata");
        Map<String, String> all = new TreeMap<>(labels);
        all.put("app.kubernetes.io/managed-by", "unwind");
        meta.put("labels", all);
        meta.put("annotations", Map.of("unwind.dev/mke3-source", description));
        return m;
    }

    /** {@code <team>-team}, or {@code <org>-<team>-team} when two organizations have a team of that name. */
    private static Map<String, String> teamAggregateNames(List<Team> teams) {
        Map<String, Integer> count = new LinkedHashMap<>();
        teams.forEach(t -> count.merge(t.name(), 1, Integer::sum));
        Map<String, String> out = new LinkedHashMap<>();
        for (Team t : teams) {
            out.put(t.id(), dnsName((count.get(t.name()) > 1 ? t.org() + "-" : "") + t.name() + "-team"));
        }
        return out;
    }

    /** A role's object name: its name in DNS form; Kubernetes' own role names get an {@code mke3-} prefix. */
    static String roleObjectName(String roleName) {
        String n = dnsName(roleName);
        return RESERVED.contains(n) || n.startsWith("system-") ? "mke3-" + n : n;
    }

    static String dnsName(String s) {
        String n = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        return n.isEmpty() ? "unnamed" : n.length() > 253 ? n.substring(0, 253) : n;
    }

    /** A label key per aggregate; its name part must stay within 63 characters. */
    static String labelKey(String aggregate) {
        String name = "aggregate-to-" + aggregate;
        if (name.length() > 63) {
            name = name.substring(0, 54) + "-" + shortHash(aggregate);
        }
        return "unwind.dev/" + name.replaceAll("[-.]+$", "");
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
