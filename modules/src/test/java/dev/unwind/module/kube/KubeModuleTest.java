package dev.unwind.module.kube;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.TestContext;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class KubeModuleTest {
    static final java.util.logging.Logger QUIET = MockCluster.quietMockServer();
    KubernetesClient client;
    @TempDir
    Path tmp;
    TestContext ctx;
    String kubeconfig;

    @BeforeEach
    void cluster() throws Exception {
        ctx = TestContext.in(tmp);
        kubeconfig = MockCluster.kubeconfig(client, tmp).toString();
        client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata().withName("web")
                .addToLabels("app", "web").endMetadata().addToData("greeting", "hello").addToData("extra", "kept?").build()).create();
    }

    private Map<String, Object> args(Object... kv) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("kubeconfig", kubeconfig);
        for (int i = 0; i < kv.length; i += 2) {
            a.put((String) kv[i], kv[i + 1]);
        }
        return a;
    }

    private static final String MANIFESTS = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web
              labels: {app: web}
            data:
              greeting: bonjour
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: mke
            ---
            apiVersion: dex.coreos.com/v1
            kind: Password
            metadata:
              name: admin-password
              namespace: mke
            email: admin@example.com
            hash: JDJhJDEwJDJiMnhYcXh
            """;

    /** check predicts exactly and touches nothing; the run changes; again is ok; the undo puts the cluster back. */
    private Outcome cycle(Map<String, Object> args) throws Exception {
        Map<String, Object> before = MockCluster.snapshot(client);
        Outcome predicted = ctx.checking().run("kube", args);
        assertThat(predicted.status()).as(predicted.msg()).isEqualTo(Status.CHANGED);
        assertThat(MockCluster.snapshot(client)).as("check mode touches nothing").isEqualTo(before);

        Outcome real = ctx.run("kube", args);
        assertThat(real.status()).as(real.msg()).isEqualTo(Status.CHANGED);
        assertThat(real.msg()).isEqualTo(predicted.msg());
        assertThat(real.undo()).as("the undo check mode shows is the one journaled").isEqualTo(predicted.undo());
        assertThat(MockCluster.snapshot(client)).isNotEqualTo(before);

        Outcome again = ctx.run("kube", args);
        assertThat(again.status()).as(again.msg()).isEqualTo(Status.OK);
        assertThat(ctx.checking().run("kube", args).status()).isEqualTo(Status.OK);

        assertThat(ctx.undo(real)).allSatisfy(o -> assertThat(o.status()).as(o.msg()).isEqualTo(Status.CHANGED));
        assertThat(MockCluster.snapshot(client)).as("undo restores the exact prior cluster").isEqualTo(before);
        assertThat(ctx.undo(real)).as("undo twice: the second does nothing")
                .allSatisfy(o -> assertThat(o.status()).as(o.msg()).isEqualTo(Status.OK));
        return real;
    }

    @Test
    void manifestsAreReplacedAndCreatedAndTheUndoDeletesAndRestoresInReverse() throws Exception {
        Outcome real = cycle(args("definition", MANIFESTS));
        assertThat(real.msg()).isEqualTo("replaced v1 ConfigMap default/web; created v1 Namespace mke; "
                + "created dex.coreos.com/v1 Password mke/admin-password");
        assertThat(real.result().get("resources")).asList().hasSize(3);
        assertThat(real.undo().toString()).contains("restore").contains("state=absent");
    }

    @Test
    void aReplaceIsWholeSoAFieldTheManifestDropsIsGone() throws Exception {
        ctx.run("kube", args("definition", MANIFESTS));
        assertThat(client.configMaps().inNamespace("default").withName("web").get().getData())
                .isEqualTo(Map.of("greeting", "bonjour"));
    }

    @Test
    void fieldsTheServerOrOthersAddedDoNotMakeAChange() throws Exception {
        Map<String, Object> cm = Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "web"), "data", Map.of("greeting", "hello"));
        Outcome o = ctx.run("kube", args("definition", cm));
        assertThat(o.status()).as("label and the other key are extra, not different").isEqualTo(Status.OK);
        assertThat(o.undo()).isNull();
    }

    @Test
    void absentDeletesAndTheUndoRecreatesTheObjectAsItWas() throws Exception {
        Map<String, Object> ref = Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "web", "namespace", "default"));
        cycle(args("state", "absent", "definition", ref));
        assertThat(ctx.run("kube", args("state", "absent", "definition",
                Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "never-was")))).status()).isEqualTo(Status.OK);
    }

    @Test
    void aTemplateRendersTheManifestsAndDiffShowsTheChange() throws Exception {
        Files.writeString(ctx.templates().resolve("web.yaml.ftl"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ${app}
                spec:
                  replicas: ${replicas}
                  selector: {matchLabels: {app: ${app}}}
                  template:
                    metadata: {labels: {app: ${app}}}
                    spec:
                      containers:
                      - name: ${app}
                        image: registry.example/${app}:1.2
                """);
        TestContext withVars = ctx.withVar("app", "api").withVar("replicas", 3);
        Outcome o = withVars.diffing().run("kube", args("src", "web.yaml.ftl"));
        assertThat(o.status()).as(o.msg()).isEqualTo(Status.CHANGED);
        assertThat(o.msg()).isEqualTo("created apps/v1 Deployment default/api");
        assertThat(o.diff().unified()).contains("+  replicas: 3").contains(" # apps/v1 Deployment default/api");
        assertThat(client.apps().deployments().inNamespace("default").withName("api").get().getSpec().getReplicas()).isEqualTo(3);
        assertThat(withVars.withVar("replicas", 5).run("kube", args("src", "web.yaml.ftl")).msg())
                .isEqualTo("replaced apps/v1 Deployment default/api");
    }

    @Test
    void badInputFailsClearly() throws Exception {
        assertThat(ctx.run("kube", args()).msg()).isEqualTo("kube needs exactly one of definition, src and restore");
        assertThat(ctx.run("kube", args("definition", Map.of("apiVersion", "v1", "kind", "ConfigMap"))).msg())
                .startsWith("a manifest in definition lacks apiVersion, kind or metadata.name");
        Map<String, Object> missing = args("definition", Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "x")));
        missing.put("kubeconfig", tmp.resolve("nope").toString());
        assertThat(ctx.run("kube", missing).msg()).isEqualTo("kubeconfig " + tmp.resolve("nope") + " is not a file on the controller");
    }

    @Test
    void kubeInfoReadsByNameOrLabels() throws Exception {
        ctx.run("kube", args("definition", List.of(
                Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "db", "namespace", "default", "labels", Map.of("app", "db"))),
                Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "cache", "namespace", "kube-system", "labels", Map.of("app", "db"))))));
        Outcome byLabel = ctx.run("kube_info", args("kind", "ConfigMap", "label_selectors", List.of("app=db")));
        assertThat(byLabel.status()).isEqualTo(Status.OK);
        assertThat(names(byLabel)).containsExactlyInAnyOrder("db", "cache");
        assertThat(names(ctx.run("kube_info", args("kind", "ConfigMap", "namespace", "kube-system")))).containsExactly("cache");
        assertThat(names(ctx.checking().run("kube_info", args("kind", "ConfigMap", "name", "web")))).containsExactly("web");
        assertThat(names(ctx.run("kube_info", args("kind", "ConfigMap", "name", "nothing")))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    static List<String> names(Outcome o) {
        return ((List<Map<String, Object>>) o.result().get("resources")).stream()
                .map(r -> (String) ((Map<String, Object>) r.get("metadata")).get("name")).toList();
    }
}
