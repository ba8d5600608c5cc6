package dev.unwind.module.mke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unwind.mke.identity.DexObjectName;
import dev.unwind.mke.identity.IdentityTranslation;
import dev.unwind.module.Args;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.Undo;
import dev.unwind.module.testing.TestContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mke_identity and mke_rbac against fabric8's mock API server in CRUD mode, through a real kubeconfig file. */
@EnableKubernetesMockClient(crud = true)
class IdentityAndRbacModulesTest {
    private static final String ADMIN_PASSWORD = "orange-Battery-42";
    private static final ResourceDefinitionContext PASSWORDS = new ResourceDefinitionContext.Builder()
            .withGroup("dex.coreos.com").withVersion("v1").withKind("Password").withPlural("passwords").withNamespaced(true)
            .build();

    static KubernetesClient client;

    @TempDir
    Path dir;

    Path kubeconfig;

    static final Map<String, Object> FACTS = Map.of(
            "users", List.of(Map.of("id", "u-admin", "name", "admin", "is_admin", true, "is_active", true),
                    Map.of("id", "u-alice", "name", "alice", "full_name", "Alice Liddell", "is_active", true),
                    Map.of("id", "u-bob", "name", "bob", "is_active", true),
                    Map.of("id", "u-old", "name", "old", "is_active", false)),
            "orgs", List.of(Map.of("id", "o-eng", "name", "engineering")),
            "teams", List.of(Map.of("id", "t-dev", "org", "engineering", "name", "development", "members", List.of("alice", "bob"))),
            "roles", List.of(Map.of("id", "viewonly", "name", "View Only", "system_role", true, "operations", Map.of()),
                    Map.of("id", "none", "name", "None", "system_role", true, "operations", Map.of())),
            "grants", List.of(Map.of("subject_id", "t-dev", "object_id", "kubernetesnamespaces/dev", "role_id", "viewonly")));

    @BeforeEach
    void kubeconfig() throws Exception {
        kubeconfig = dir.resolve("mke.kubeconf");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: %s, insecure-skip-tls-verify: true}
                users:
                - name: admin
                  user: {token: mock-token}
                contexts:
                - name: mock
                  context: {cluster: mock, user: admin}
                current-context: mock
                """.formatted(client.getConfiguration().getMasterUrl()));
    }

    private TestContext ctx(boolean check) {
        return check ? TestContext.in(dir).checking() : TestContext.in(dir);
    }

    private static Outcome run(Module m, TestContext ctx, Map<String, Object> args) throws Exception {
        return m.run(new Args(m.spec(), args), ctx);
    }

    private Outcome undo(Outcome o, TestContext ctx) throws Exception {
        ModuleCall call = ((Undo.Calls) o.undo()).calls().get(0);
        Module m = ctx.catalog().find(call.module()).orElseThrow();
        return m.run(new Args(m.spec(), call.args()), ctx);
    }

    private List<GenericKubernetesResource> passwords() {
        return client.genericKubernetesResources(PASSWORDS).inNamespace("mke").list().getItems();
    }

    @Test
    void usersBecomeDexPasswordsTheAdminKeepsItsPasswordAndTheUndoTakesThemBack() throws Exception {
        // MKE 4k's installer made an admin Password with a password of its own
        Map<String, Object> installerAdmin = new HashMap<>(Map.of("apiVersion", "dex.coreos.com/v1", "kind", "Password",
                "metadata", Map.of("name", DexObjectName.forEmail("admin"), "namespace", "mke"),
                "email", "admin", "username", "admin", "userID", "installer",
                "hash", java.util.Base64.getEncoder().encodeToString(
                        org.springframework.security.crypto.bcrypt.BCrypt.hashpw("random-installer",
                                org.springframework.security.crypto.bcrypt.BCrypt.gensalt(4)).getBytes())));
        client.genericKubernetesResources(PASSWORDS).inNamespace("mke")
                .resource(client.getKubernetesSerialization().convertValue(installerAdmin, GenericKubernetesResource.class))
                .create();

        TestContext ctx = ctx(false);
        Path file = dir.resolve("initial-passwords.txt");
        Outcome o = run(new MkeIdentityModule(), ctx, Map.of("facts", FACTS, "kubeconfig", kubeconfig.toString(),
                "admin_password", ADMIN_PASSWORD, "passwords_file", file.toString()));

        assertThat(o.status()).as(o.msg()).isEqualTo(Status.CHANGED);
        assertThat(o.result()).containsEntry("users_found", 4).containsEntry("users_migrated", 3);
        assertThat(passwords()).extracting(p -> p.get("username")).containsExactlyInAnyOrder("admin", "alice", "bob");
        GenericKubernetesResource admin = passwords().stream().filter(p -> "admin".equals(p.get("username"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> adminMap = client.getKubernetesSerialization().convertValue(admin, Map.class);
        assertThat(IdentityTranslation.passwordMatches(adminMap, ADMIN_PASSWORD)).isTrue();
        assertThat(Files.readString(file)).containsPattern("alice: [A-Za-z0-9]{20}").containsPattern("bob: [A-Za-z0-9]{20}")
                .doesNotContain(ADMIN_PASSWORD);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ctx.secretValues()).contains(ADMIN_PASSWORD).hasSize(3);

        Outcome again = run(new MkeIdentityModule(), ctx(false), Map.of("facts", FACTS, "kubeconfig", kubeconfig.toString(),
                "admin_password", ADMIN_PASSWORD));
        assertThat(again.status()).as(again.msg()).isEqualTo(Status.OK);

        assertThat(undo(o, ctx).status()).isEqualTo(Status.CHANGED);
        assertThat(passwords()).hasSize(1);
        assertThat((Object) passwords().get(0).get("userID")).isEqualTo("installer");
    }

    @Test
    void checkModePredictsAndWritesNothing() throws Exception {
        Outcome o = run(new MkeRbacModule(), ctx(true), Map.of("facts", FACTS, "kubeconfig", kubeconfig.toString()));
        assertThat(o.status()).isEqualTo(Status.CHANGED);
        assertThat(client.rbac().clusterRoles().withLabel("app.kubernetes.io/managed-by", "unwind").list().getItems()).isEmpty();
    }

    @Test
    void organizationsTeamsAndGrantsBecomeRbacAndTheUndoRemovesExactlyThat() throws Exception {
        client.rbac().clusterRoles().resource(new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder()
                .withNewMetadata().withName("view").endMetadata().build()).create();
        TestContext ctx = ctx(false);
        Outcome o = run(new MkeRbacModule(), ctx, Map.of("facts", FACTS, "kubeconfig", kubeconfig.toString()));

        assertThat(o.status()).as(o.msg()).isEqualTo(Status.CHANGED);
        assertThat(o.result()).containsEntry("orgs_found", 1).containsEntry("teams_found", 1);
        assertThat(client.rbac().clusterRoles().list().getItems()).extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrder("view", "view-only", "none", "engineering-org", "development-team");
        ClusterRole team = client.rbac().clusterRoles().withName("development-team").get();
        assertThat(team.getAggregationRule().getClusterRoleSelectors().get(0).getMatchLabels())
                .containsEntry("unwind.dev/aggregate-to-development-team", "true");
        assertThat(client.rbac().roleBindings().inNamespace("dev").withName("development-team-view-only").get()
                .getSubjects()).extracting(s -> s.getName()).containsExactly("alice", "bob");

        assertThat(run(new MkeRbacModule(), ctx(false), Map.of("facts", FACTS, "kubeconfig", kubeconfig.toString())).status())
                .isEqualTo(Status.OK);

        undo(o, ctx);
        assertThat(client.rbac().clusterRoles().list().getItems()).extracting(c -> c.getMetadata().getName())
                .containsExactly("view");
        assertThat(client.rbac().roleBindings().inNamespace("dev").list().getItems()).isEmpty();
    }
}
