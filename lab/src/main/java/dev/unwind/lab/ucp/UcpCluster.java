package dev.unwind.lab.ucp;

import java.util.List;
import java.util.Map;

/** The accounts and settings a simulated MKE 3 cluster's API serves. */
public record UcpCluster(String configToml, List<User> users, List<Org> orgs, List<Role> roles, List<Grant> grants,
                         Map<String, Object> ldap) {

    public UcpCluster {
        users = List.copyOf(users);
        orgs = List.copyOf(orgs);
        roles = List.copyOf(roles);
        grants = List.copyOf(grants);
        ldap = ldap == null ? Map.of() : Map.copyOf(ldap);
    }

    /** A local user; only admins may read the configuration and the account lists. */
    public record User(String id, String name, String fullName, String password, boolean admin) {
        @Override
        public String toString() {
            return "User[" + name + "]";
        }
    }

    /** A team; members are user names. */
    public record Team(String id, String name, String description, List<String> members) {
        public Team {
            members = List.copyOf(members);
        }
    }

    public record Org(String id, String name, List<Team> teams) {
        public Org {
            teams = List.copyOf(teams);
        }
    }

    public record Role(String id, String name, boolean systemRole, Map<String, Object> operations) {
    }

    public record Grant(String subjectID, String objectID, String roleID) {
    }

    /** MKE 3's built-in roles (their ids are their short names). */
    public static List<Role> builtInRoles() {
        return List.of(
                new Role("none", "None", true, Map.of()),
                new Role("viewonly", "View Only", true, Map.of("Kubernetes", Map.of("Kubernetes View", List.of()),
                        "Container", Map.of("Container View", List.of()))),
                new Role("restrictedcontrol", "Restricted Control", true, Map.of("Kubernetes",
                        Map.of("Kubernetes View", List.of(), "Kubernetes Create", List.of(), "Kubernetes Update", List.of(),
                                "Kubernetes Delete", List.of()))),
                new Role("fullcontrol", "Full Control", true, Map.of("Kubernetes", Map.of("Kubernetes Full Control", List.of()),
                        "Container", Map.of("Container Full Control", List.of()))),
                new Role("scheduler", "Scheduler", true, Map.of("Node", Map.of("Node Schedule", List.of()))));
    }

    /** A small realistic cluster: an admin, three users, two organizations with teams, grants on namespaces. */
    public static UcpCluster sample(String configToml, String adminPassword) {
        List<User> users = List.of(
                new User("u-admin", "admin", "MKE Administrator", adminPassword, true),
                new User("u-alice", "alice", "Alice Liddell", "alice-pass-1", false),
                new User("u-bob", "bob", "Bob Builder", "bob-pass-1", false),
                new User("u-carol", "carol", "Carol Danvers", "carol-pass-1", false));
        List<Org> orgs = List.of(
                new Org("o-eng", "engineering", List.of(
                        new Team("t-dev", "development", "application developers", List.of("alice", "bob")),
                        new Team("t-ops", "operations", "on-call", List.of("carol")))),
                new Org("o-fin", "finance", List.of()));
        List<Role> roles = new java.util.ArrayList<>(builtInRoles());
        roles.add(new Role("r-swarm-deployer", "swarm-deployer", false,
                Map.of("Service", Map.of("Service Create", List.of(), "Service Update", List.of()))));
        List<Grant> grants = List.of(
                new Grant("t-dev", "kubernetesnamespaces/dev", "restrictedcontrol"),
                new Grant("t-ops", "kubernetesnamespaces/dev", "viewonly"),
                new Grant("o-fin", "kubernetesnamespaces/finance", "viewonly"),
                new Grant("u-carol", "kubernetesnamespaces", "fullcontrol"),
                new Grant("t-dev", "/Shared", "r-swarm-deployer"));
        return new UcpCluster(configToml, users, orgs, roles, grants, Map.of());
    }
}
