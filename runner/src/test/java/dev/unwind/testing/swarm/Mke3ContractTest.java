package dev.unwind.testing.swarm;

import dev.unwind.lab.swarm.LabNode;
import dev.unwind.lab.swarm.Mke3Kubernetes;
import dev.unwind.lab.swarm.NodeImage;
import dev.unwind.lab.swarm.SwarmLab;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The lab's MKE 3 keeps MKE 3's rules, the ones an upgrade meets on a real cluster (docs/lab-contract.md): ucp-kv is
 * a real etcd that takes only clients with its certificates (so the snapshot command the upgrade first had, with no
 * endpoint or TLS flags, fails here as on MKE); MKE 3's Kubernetes is a real kube-apiserver on that etcd, holding
 * real objects; ucp-agent starts stopped components again unless the node is labelled
 * {@code com.docker.ucp.agent-pause}; {@code uninstall-ucp} removes MKE and keeps the swarm and its services.
 */
@Tag("swarm-lab")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Mke3ContractTest {
    static final SwarmLab lab = SwarmLab.managers(1).workers(1);
    @RegisterExtension
    static final SwarmLabExtension up = new SwarmLabExtension(lab);

    @AfterEach
    void backToMke3AsStarted() {
        lab.restoreMke3();
    }

    @Test
    @Order(1)
    void ucpKvRefusesASnapshotWithoutItsEndpointAndCertificates() {
        LabNode manager = lab.leader();
        // the command the upgrade's phase 5 had: etcdctl's defaults (plain http://127.0.0.1:2379) reach no member
        LabNode.Exec bare = manager.exec("timeout 60 docker exec ucp-kv etcdctl --command-timeout 5s snapshot save /data/bare.db");
        assertThat(bare.exitCode()).as(bare.stdout()).isNotZero();
        assertThat(manager.exec("docker exec ucp-kv sh -c '[ -f /data/bare.db ]'").ok()).isFalse();
        // a certificate of another CA is refused too (the TLS handshake fails): the member's own server cert signs nothing
        LabNode.Exec wrongCa = manager.exec("docker exec ucp-kv etcdctl --endpoints https://127.0.0.1:2379 --insecure-skip-tls-verify"
                + " --command-timeout 5s endpoint health");
        assertThat(wrongCa.exitCode()).as("no client certificate").isNotZero();

        String flags = Mke3Kubernetes.etcdctlFlags();
        assertThat(manager.sh("docker exec ucp-kv etcdctl " + flags + " snapshot save /data/good.db")).contains("Snapshot saved at /data/good.db");
        assertThat(manager.sh("docker exec ucp-kv etcdutl snapshot status /data/good.db -w table")).contains("TOTAL KEYS");
        manager.sh("docker exec ucp-kv rm -f /data/good.db");
    }

    @Test
    @Order(2)
    void mke3sKubernetesKeepsTheSeededObjectsInUcpKv() {
        String keys = lab.leader().sh("docker exec ucp-kv etcdctl " + Mke3Kubernetes.etcdctlFlags()
                + " get --prefix --keys-only /registry/ | grep -E 'shop|widgets|ippools'");
        assertThat(keys).contains("/registry/namespaces/shop", "/registry/deployments/shop/shop-web", "/registry/secrets/shop/shop-db",
                "/registry/example.com/widgets/tools/blue-widget", "/registry/crd.projectcalico.org/ippools/default-ipv4-ippool");
        GenericKubernetesResource widget = lab.mke3Kubernetes().client(30).genericKubernetesResources("example.com/v1", "Widget")
                .inNamespace("tools").withName("blue-widget").get();
        assertThat(widget.get("spec", "colour").toString()).isEqualTo("blue");
        assertThat(lab.mke3Kubernetes().seededObjects()).map(o -> o.substring(0, o.indexOf(" uid="))).containsExactlyInAnyOrder(
                "Namespace null/dev", "Namespace null/shop", "Namespace null/tools", "ServiceAccount shop/shop-backend",
                "Secret shop/shop-db", "ConfigMap shop/shop-settings", "Deployment shop/shop-web", "Service shop/shop-web",
                "ConfigMap tools/tool-versions", "Widget tools/blue-widget", "IPPool null/default-ipv4-ippool");
    }

    @Test
    @Order(3)
    void kubectlListsMke3sObjectsWithTheLabsKubeconfig(@TempDir Path dir) throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v kubectl").start().waitFor() == 0,
                "Debian's kubectl (apt-get install kubernetes-client; .ci/run installs it)");
        Path kubeconfig = lab.mke3Kubernetes().writeKubeconfig(dir.resolve("mke3.kubeconfig"));
        Process p = new ProcessBuilder("kubectl", "--kubeconfig", kubeconfig.toString(), "get", "deployments,services,configmaps",
                "-n", "shop", "-o", "name").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("deployment.apps/shop-web", "service/shop-web", "configmap/shop-settings");
    }

    @Test
    @Order(4)
    void ucpAgentStartsStoppedComponentsAgainOnManagersAndWorkers() {
        LabNode manager = lab.leader();
        LabNode worker = lab.workers().get(0);
        manager.sh("docker stop ucp-kube-apiserver ucp-metrics >/dev/null");
        worker.sh("docker stop ucp-kubelet >/dev/null");

        awaitRunning(manager, "ucp-kube-apiserver");
        awaitRunning(manager, "ucp-metrics");
        awaitRunning(worker, "ucp-kubelet");
    }

    @Test
    @Order(5)
    void aPausedAgentLeavesStoppedComponentsStoppedUntilTheLabelGoes() {
        LabNode manager = lab.leader();
        LabNode worker = lab.workers().get(0);
        lab.pauseAgents();
        manager.sh("docker stop ucp-kube-apiserver >/dev/null");
        worker.sh("docker stop ucp-kubelet >/dev/null");
        SwarmLab.pause(8000);
        assertThat(state(manager, "ucp-kube-apiserver")).isEqualTo("exited");
        assertThat(state(worker, "ucp-kubelet")).isEqualTo("exited");

        manager.sh("docker node update --label-rm com.docker.ucp.agent-pause " + worker.sh("docker info --format '{{.Swarm.NodeID}}'"));
        awaitRunning(worker, "ucp-kubelet");
        assertThat(state(manager, "ucp-kube-apiserver")).as("the manager is still paused").isEqualTo("exited");
    }

    @Test
    @Order(6)
    void uninstallUcpRemovesMkeAndKeepsTheSwarmAndItsServices() {
        LabNode manager = lab.leader();
        manager.sh("docker service create --detach --quiet --no-resolve-image --name web --mode global mirantis/ucp-metrics:"
                + SwarmLab.UCP_VERSION + " web");
        awaitService(manager, "web", "2/2");

        String out = manager.sh("docker run --rm -v /var/run/docker.sock:/var/run/docker.sock mirantis/ucp:" + SwarmLab.UCP_VERSION
                + " uninstall-ucp --id " + lab.clusterId());

        assertThat(out).contains("has been uninstalled");
        for (LabNode n : lab.nodes()) {
            // the uninstall agent's own task containers go with its service, a moment later
            await(n.name() + ": no ucp-* container left", () -> n.sh("docker ps -a --format '{{.Names}}' | grep '^ucp-' || true").isEmpty());
            assertThat(n.sh("docker info --format '{{.Swarm.LocalNodeState}}'")).as(n.name()).isEqualTo("active");
            assertThat(n.sh("ls /etc/cni/net.d")).as(n.name() + ": MKE's CNI files are cleaned up").isEmpty();
        }
        awaitService(manager, "web", "2/2");
        manager.sh("docker service rm web >/dev/null");
    }

    private static String state(LabNode n, String container) {
        return n.sh("docker inspect --format '{{.State.Status}}' " + container);
    }

    private static void awaitRunning(LabNode n, String container) {
        await(n.name() + ": " + container + " is started again", () -> state(n, container).equals("running"));
    }

    private static void awaitService(LabNode manager, String service, String replicas) {
        await(service + " reaches " + replicas,
                () -> manager.sh("docker service ls --filter name=" + service + " --format '{{.Replicas}}'").equals(replicas));
    }

    private static void await(String what, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " (waited 60 s)").isLessThan(deadline);
            SwarmLab.pause(500);
        }
    }
}
