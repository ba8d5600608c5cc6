package dev.unwind.module.kube;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.TestContext;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class KubeWaitModuleTest {
    static final java.util.logging.Logger QUIET = MockCluster.quietMockServer();
    KubernetesClient client;
    @TempDir
    Path tmp;
    TestContext ctx;
    String kubeconfig;

    @BeforeEach
    void nodes() throws Exception {
        ctx = TestContext.in(tmp);
        kubeconfig = MockCluster.kubeconfig(client, tmp).toString();
        for (String name : new String[]{"manager-1", "worker-1"}) {
            client.nodes().resource(node(name, "False")).create();
        }
    }

    private static Node node(String name, String ready) {
        return new NodeBuilder().withNewMetadata().withName(name).addToLabels("role", name.split("-")[0]).endMetadata()
                .withNewStatus().addNewCondition().withType("Ready").withStatus(ready).withReason("KubeletReady").endCondition()
                .endStatus().build();
    }

    private Map<String, Object> args(Object... kv) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("kubeconfig", kubeconfig);
        a.put("sleep", 1);
        for (int i = 0; i < kv.length; i += 2) {
            a.put((String) kv[i], kv[i + 1]);
        }
        return a;
    }

    @Test
    void waitsUntilEveryNodeIsReady() throws Exception {
        CompletableFuture<Void> kubelets = CompletableFuture.runAsync(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(1500);
                for (String name : new String[]{"manager-1", "worker-1"}) {
                    client.nodes().resource(node(name, "True")).update();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Outcome o = ctx.run("kube_wait", args("kind", "Node", "condition", Map.of("type", "Ready"), "min_count", 2, "timeout", 20));
        kubelets.join();
        assertThat(o.status()).as(o.msg()).isEqualTo(Status.OK);
        assertThat(o.msg()).startsWith("Node Ready=True after ");
        assertThat(KubeModuleTest.names(o)).containsExactlyInAnyOrder("manager-1", "worker-1");
        assertThat((Long) o.result().get("elapsed")).isGreaterThanOrEqualTo(1L);
    }

    @Test
    void aTimeoutSaysWhichObjectsAreNotThereYet() throws Exception {
        client.nodes().resource(node("manager-1", "True")).update();
        Outcome o = ctx.run("kube_wait", args("kind", "Node", "condition", Map.of("type", "Ready", "status", "True"), "timeout", 1));
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.msg()).isEqualTo("timed out after 1 s waiting for Node Ready=True (2 found (at least 1 wanted), not yet: worker-1)");

        Outcome tooFew = ctx.run("kube_wait", args("kind", "Node", "label_selectors", "role=manager", "min_count", 3, "timeout", 1));
        assertThat(tooFew.msg()).isEqualTo("timed out after 1 s waiting for Node [role=manager] present (1 found (at least 3 wanted))");
    }

    @Test
    void waitsForOneObjectsConditionOrForItToBeGone() throws Exception {
        assertThat(ctx.run("kube_wait", args("kind", "Node", "name", "worker-1",
                "condition", Map.of("type", "Ready", "status", "False", "reason", "KubeletReady"), "timeout", 5)).status()).isEqualTo(Status.OK);
        CompletableFuture.runAsync(() -> client.nodes().withName("worker-1").delete());
        Outcome gone = ctx.run("kube_wait", args("kind", "Node", "name", "worker-1", "state", "absent", "timeout", 10));
        assertThat(gone.status()).as(gone.msg()).isEqualTo(Status.OK);
        assertThat(ctx.checking().run("kube_wait", args("kind", "Node")).status()).isEqualTo(Status.SKIPPED);
        assertThat(ctx.run("kube_wait", args("kind", "Node", "condition", Map.of("status", "True"))).msg())
                .isEqualTo("condition needs type, e.g. {type: Ready, status: \"True\"}");
    }
}
