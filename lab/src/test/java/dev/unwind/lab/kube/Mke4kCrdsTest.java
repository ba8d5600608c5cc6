package dev.unwind.lab.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.TestContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The in-process lab's Kubernetes API knows no custom resource up front, as a fresh k0s cluster: the MKE 4k
 * configuration is refused until phase 9's CRDs are installed and Established.
 */
class Mke4kCrdsTest {
    private static final Path PHASE_9 = Path.of("../playbooks/mke3-to-mke4k/09-mke4k.yml");
    private static final Path CRDS = Path.of("../playbooks/mke3-to-mke4k/files/mke4k-crds.yaml");
    private static final String PASSWORD = """
            apiVersion: dex.coreos.com/v1
            kind: Password
            metadata: {name: alice, namespace: mke}
            email: alice@example.com
            username: alice
            """;

    @TempDir
    Path tmp;
    KubeApi api;
    TestContext ctx;
    String kubeconfig;

    @BeforeEach
    void start() throws IOException {
        api = KubeApi.start();
        kubeconfig = tmp.resolve("mke.kubeconf").toString();
        api.writeAdminKubeconfig(Path.of(kubeconfig));
        ctx = TestContext.in(tmp);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theMke4kConfigurationOnAClusterWithoutItsCrdFailsWithNoMatchesForKind() throws Exception {
        assertThat(apply(namespace()).status()).isEqualTo(Status.CHANGED);

        Outcome refused = apply(mkeConfig());

        assertThat(refused.status()).isEqualTo(Status.FAILED);
        assertThat(refused.msg()).contains("no matches for kind \"MkeConfig\" in version \"mke.mirantis.com/v1alpha1\"",
                "ensure CRDs are installed first");
        assertThat(apply(PASSWORD).msg()).contains("no matches for kind \"Password\" in version \"dex.coreos.com/v1\"");
        assertThat(api.objects()).containsOnlyKeys("Namespace/mke");
    }

    @Test
    void withPhase9sCrdsEstablishedTheConfigurationAndDexPasswordsAreAcceptedAndTheCrdsUndoTakesThemAway() throws Exception {
        apply(namespace());
        Outcome crds = ctx.run("kube", args(task("kube"), Map.of("src", "", "definition", Files.readString(CRDS))));
        assertThat(crds.status()).as(crds.msg()).isEqualTo(Status.CHANGED);
        assertThat(crds.msg()).contains("created apiextensions.k8s.io/v1 CustomResourceDefinition mkeconfigs.mke.mirantis.com",
                "created apiextensions.k8s.io/v1 CustomResourceDefinition passwords.dex.coreos.com");

        Map<String, Object> waitArgs = args(task("kube_wait"), Map.of("timeout", 10));
        assertThat(waitArgs.get("min_count")).as("phase 9 waits for every CRD it installs").isEqualTo(documents(CRDS));
        Outcome established = ctx.run("kube_wait", waitArgs);
        assertThat(established.status()).as(established.msg()).isEqualTo(Status.OK);

        assertThat(apply(mkeConfig()).status()).isEqualTo(Status.CHANGED);
        assertThat(apply(PASSWORD).status()).isEqualTo(Status.CHANGED);
        assertThat(api.objects()).containsKeys("MkeConfig/mke/mke", "Password/mke/alice", "CustomResourceDefinition/mkeconfigs.mke.mirantis.com");

        // the CRDs' undo alone suffices: deleting a CRD deletes its objects
        assertThat(ctx.undo(crds)).allMatch(o -> o.status() == Status.CHANGED);
        assertThat(api.objects()).containsOnlyKeys("Namespace/mke");
        assertThat(apply(mkeConfig()).msg()).contains("no matches for kind \"MkeConfig\"");
    }

    private Outcome apply(String manifests) throws Exception {
        return ctx.run("kube", new LinkedHashMap<>(Map.of("kubeconfig", kubeconfig, "definition", manifests)));
    }

    private static String namespace() {
        return "apiVersion: v1\nkind: Namespace\nmetadata: {name: mke}\n";
    }

    /** The MkeConfig document unwind's conversion starts from. */
    private static String mkeConfig() throws IOException {
        try (InputStream in = Mke4kCrdsTest.class.getResourceAsStream("/dev/unwind/mke/config/mke4-defaults.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The arguments of phase 9's task before the MkeConfig that uses {@code module}, as the playbook gives them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> task(String module) throws IOException {
        List<Map<String, Object>> tasks = new Yaml().load(Files.readString(PHASE_9));
        return tasks.stream().filter(t -> String.valueOf(t.get("name")).contains("CustomResourceDefinitions") && t.containsKey(module))
                .map(t -> (Map<String, Object>) t.get(module)).findFirst().orElseThrow();
    }

    private Map<String, Object> args(Map<String, Object> fromPlaybook, Map<String, Object> overrides) {
        Map<String, Object> a = new LinkedHashMap<>(fromPlaybook);
        a.put("kubeconfig", kubeconfig);
        overrides.forEach((k, v) -> {
            if ("".equals(v)) {
                a.remove(k);
            } else {
                a.put(k, v);
            }
        });
        return a;
    }

    private static int documents(Path file) throws IOException {
        int n = 0;
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
            n += doc == null ? 0 : 1;
        }
        return n;
    }
}
