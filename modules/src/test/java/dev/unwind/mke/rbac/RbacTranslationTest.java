package dev.unwind.mke.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unwind.mke.kube.Desired;
import dev.unwind.mke.rbac.Mke3Authorization.Grant;
import dev.unwind.mke.rbac.Mke3Authorization.Org;
import dev.unwind.mke.rbac.Mke3Authorization.Role;
import dev.unwind.mke.rbac.Mke3Authorization.Team;
import dev.unwind.mke.rbac.Mke3Authorization.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RbacTranslationTest {
    static final Mke3Authorization SAMPLE = new Mke3Authorization(
            List.of(new User("u-alice", "alice"), new User("u-bob", "bob"), new User("u-carol", "carol")),
            List.of(new Org("o-eng", "engineering"), new Org("o-fin", "finance"), new Org("o-empty", "empty")),
            List.of(new Team("t-dev", "engineering", "development", List.of("alice", "bob")),
                    new Team("t-ops", "engineering", "operations", List.of("carol"))),
            List.of(new Role("none", "None", true, Map.of()), new Role("viewonly", "View Only", true, Map.of()),
                    new Role("restrictedcontrol", "Restricted Control", true, Map.of()),
                    new Role("fullcontrol", "Full Control", true, Map.of()),
                    new Role("r-deploy", "swarm-deployer", false, Map.of("Service", Map.of("Service Create", List.of()))),
                    new Role("r-admin", "admin", false, Map.of("Kubernetes", Map.of("Kubernetes View", List.of(),
                            "Kubernetes Delete", List.of())))),
            List.of(new Grant("t-dev", "kubernetesnamespaces/dev", "restrictedcontrol"),
                    new Grant("o-fin", "kubernetesnamespaces/finance", "viewonly"),
                    new Grant("u-carol", "kubernetesnamespaces", "fullcontrol"),
                    new Grant("t-dev", "/Shared", "r-deploy"),
                    new Grant("u-ghost", "kubernetesnamespaces/dev", "viewonly")));

    private static Map<String, Object> object(RbacTranslation.Plan plan, String kind, String name) {
        return plan.objects().stream().filter(d -> d.ref().kind().equals(kind) && d.ref().name().equals(name))
                .map(Desired::manifest).findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(Map<String, Object> m) {
        return (Map<String, String>) ((Map<String, Object>) m.get("metadata")).get("labels");
    }

    @Test
    void everyRoleIsReplicatedAndSwarmOnlyRolesHaveNoRules() {
        RbacTranslation.Plan plan = new RbacTranslation().translate(SAMPLE);
        assertThat(object(plan, "ClusterRole", "view-only").get("rules")).isEqualTo(List.of(Map.of("apiGroups", List.of("*"),
                "resources", List.of("*"), "verbs", List.of("get", "list", "watch"))));
        assertThat(object(plan, "ClusterRole", "full-control").get("rules")).isEqualTo(List.of(Map.of("apiGroups",
                List.of("*"), "resources", List.of("*"), "verbs", List.of("*"))));
        assertThat(object(plan, "ClusterRole", "swarm-deployer").get("rules")).isEqualTo(List.of());
        assertThat(object(plan, "ClusterRole", "none").get("rules")).isEqualTo(List.of());
        // a custom role named like a Kubernetes role is kept apart from it
        assertThat(object(plan, "ClusterRole", "mke3-admin").get("rules")).isEqualTo(List.of(Map.of("apiGroups", List.of("*"),
                "resources", List.of("*"), "verbs", List.of("get", "list", "watch", "delete"))));
    }

    @Test
    void organizationsAndTeamsBecomeAggregatedRolesWiredByLabels() {
        RbacTranslation.Plan plan = new RbacTranslation().translate(SAMPLE);
        assertThat(plan.orgs()).isEqualTo(3);
        assertThat(plan.teams()).isEqualTo(2);
        Map<String, Object> dev = object(plan, "ClusterRole", "development-team");
        assertThat(dev.get("aggregationRule")).isEqualTo(Map.of("clusterRoleSelectors",
                List.of(Map.of("matchLabels", Map.of("unwind.dev/aggregate-to-development-team", "true")))));
        assertThat(labels(dev)).containsEntry("unwind.dev/aggregate-to-engineering-org", "true");
        assertThat(labels(object(plan, "ClusterRole", "restricted-control")))
                .containsEntry("unwind.dev/aggregate-to-development-team", "true");
        assertThat(labels(object(plan, "ClusterRole", "view-only"))).containsEntry("unwind.dev/aggregate-to-finance-org", "true");
        // nothing granted to the operations team nor to the empty organization: the placeholder stands in
        assertThat(labels(object(plan, "ClusterRole", "none"))).containsEntry("unwind.dev/aggregate-to-operations-team", "true")
                .containsEntry("unwind.dev/aggregate-to-empty-org", "true");
    }

    @Test
    void namespaceGrantsBecomeBindingsOfTheMembersAndSwarmGrantsAreReported() {
        RbacTranslation.Plan plan = new RbacTranslation().translate(SAMPLE);
        Map<String, Object> rb = plan.objects().stream().filter(d -> d.ref().kind().equals("RoleBinding")
                && d.ref().namespace().equals("dev")).findFirst().orElseThrow().manifest();
        assertThat(rb.get("roleRef")).isEqualTo(Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole",
                "name", "restricted-control"));
        assertThat(((List<?>) rb.get("subjects")).stream().map(s -> ((Map<?, ?>) s).get("name")).toList())
                .isEqualTo(List.of("alice", "bob"));
        assertThat((List<?>) object(plan, "ClusterRoleBinding", "carol-full-control").get("subjects")).hasSize(1);
        // the finance org has no team members: nobody to bind
        assertThat(plan.notCarried()).anySatisfy(n -> assertThat(n).contains("Swarm collection '/Shared'"))
                .anySatisfy(n -> assertThat(n).contains("u-ghost").contains("unknown subject"))
                .anySatisfy(n -> assertThat(n).contains("organization finance").contains("no members"));
    }

    @Test
    void aTeamNameUsedByTwoOrganizationsIsQualified() {
        Mke3Authorization a = new Mke3Authorization(List.of(), List.of(new Org("a", "a"), new Org("b", "b")),
                List.of(new Team("ta", "a", "dev", List.of()), new Team("tb", "b", "dev", List.of())),
                List.of(), List.of());
        assertThat(new RbacTranslation().translate(a).objects()).extracting(d -> d.ref().name())
                .contains("a-dev-team", "b-dev-team");
    }

    @Test
    void longAggregateNamesKeepValidLabelKeys() {
        String key = RbacTranslation.labelKey("a-very-long-organization-name-that-goes-on-and-on-forever-org");
        assertThat(key.substring("unwind.dev/".length())).hasSizeLessThanOrEqualTo(63);
    }
}
