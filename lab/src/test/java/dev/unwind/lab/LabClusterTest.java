package dev.unwind.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unwind.lab.scenario.InvalidScenario;
import dev.unwind.lab.scenario.ScenarioFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's stand-ins over real SSH: what the upgrade's commands see and change. */
class LabClusterTest {

    @Test
    void k0sStartedOnANodeMakesItReadyInTheApiAndStoppingUcpControllerSilencesUcp() throws Exception {
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default"));
             SshClientForTests ssh = new SshClientForTests(lab)) {
            LabNode m1 = lab.node("mke-manager-1");
            String k0s = m1.sandbox().resolve("usr/local/bin/k0s").toString();
            String conf = m1.sandbox().resolve("etc/k0s/k0s.yaml").toString();
            assertThat(ssh.run("mke-manager-1", "mkdir -p " + m1.sandbox().resolve("etc/k0s") + " && cp \"$UNWIND_LAB_ROOT/dist/k0s\" "
                    + k0s + " && printf 'kind: ClusterConfig\\n' > " + conf).exit()).isZero();

            SshClientForTests.Result busy = ssh.run("mke-manager-1", "sudo -n -H -u root -- /bin/sh -c '" + k0s
                    + " install controller --enable-worker -c " + conf + " && " + k0s + " start'");
            assertThat(busy.exit()).isEqualTo(1);
            assertThat(busy.err()).contains("listen tcp :6443: bind: address already in use (held by ucp-kube-apiserver");

            assertThat(lab.ucpAnswering()).isTrue();
            // ucp-agent starts stopped components again, until the node is labelled com.docker.ucp.agent-pause
            assertThat(ssh.run("mke-manager-1", "docker stop ucp-controller && docker ps --format '{{.Names}}'").out()).contains("ucp-controller");
            assertThat(lab.ucpAnswering()).isTrue();
            String id = ssh.run("mke-manager-1", "docker info --format '{{json .}}'").out().replaceAll("(?s)^.*?\"NodeID\":\"([^\"]+)\".*", "$1").strip();
            assertThat(ssh.run("mke-manager-1", "docker node update --label-add com.docker.ucp.agent-pause=true " + id
                    + " && docker node inspect --format '{{index .Spec.Labels \"com.docker.ucp.agent-pause\"}}' " + id).out())
                    .isEqualTo(id + "\ntrue\n");
            assertThat(ssh.run("mke-manager-1", "docker stop ucp-kube-apiserver ucp-kubelet ucp-controller").out())
                    .isEqualTo("ucp-kube-apiserver\nucp-kubelet\nucp-controller\n");
            assertThat(lab.ucpAnswering()).isFalse();
            // MKE 3's etcd takes only clients with its endpoint and certificates
            SshClientForTests.Result bare = ssh.run("mke-manager-1", "docker exec ucp-kv etcdctl snapshot save /data/s.db");
            assertThat(bare.exit()).isEqualTo(1);
            assertThat(bare.err()).contains("context deadline exceeded");

            assertThat(ssh.run("mke-manager-1", k0s + " start").exit()).isZero();
            assertThat(ssh.run("mke-manager-1", k0s + " status").out()).contains("Version: v1.32.6+k0s.0", "Role: controller",
                    "Workloads: true");
            assertThat(lab.kubernetes().nodes().withName("mke-manager-1").get().getStatus().getConditions())
                    .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
            assertThat(ssh.run("mke-manager-1", k0s + " kubeconfig admin").out()).contains("server: " + lab.kubeApiUrl()
                    .replaceAll("/$", ""));
            assertThat(ssh.run("mke-manager-1", k0s + " reset").err()).contains("k0s seems to be running");

            assertThat(ssh.run("mke-manager-1", k0s + " stop && " + k0s + " reset").exit()).isZero();
            assertThat(lab.kubernetes().nodes().list().getItems()).isEmpty();
            assertThat(m1.sandbox().resolve("var/lib/k0s")).doesNotExist();
            lab.verifyNothingEscaped();
        }
    }

    @Test
    void dockerAnswersAsTheRealCliDoesForUnknownContainersAndOnWorkers() throws Exception {
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default").resized(2));
             SshClientForTests ssh = new SshClientForTests(lab)) {
            SshClientForTests.Result stop = ssh.run("mke-manager-1", "docker stop ucp-nope");
            assertThat(stop.exit()).isEqualTo(1);
            assertThat(stop.err()).isEqualTo("Error response from daemon: No such container: ucp-nope\n");
            assertThat(ssh.run("mke-worker-1", "docker node ls").err()).contains("This node is not a swarm manager");
            SshClientForTests.Result wrongId = ssh.run("mke-manager-1",
                    "docker run --rm -v /var/run/docker.sock:/var/run/docker.sock mirantis/ucp:3.8.5 uninstall-ucp --id nope");
            assertThat(wrongId.exit()).isEqualTo(1);
            assertThat(ssh.run("mke-manager-1", "docker run --rm -v /var/run/docker.sock:/var/run/docker.sock mirantis/ucp:3.8.5"
                    + " uninstall-ucp --id " + lab.swarmClusterId() + " --purge-config").exit()).isZero();
            assertThat(lab.ucpAnswering()).isFalse();
            assertThat(ssh.run("mke-worker-1", "docker ps -a --filter name=ucp- --format '{{json .}}'").out()).isEmpty();
        }
    }

    @Test
    void aBadScenarioIsRefusedWithItsPosition(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "extends: " + Path.of("scenarios/default.yaml").toAbsolutePath() + "\nnodes:\n"
                + "  - {name: m1, role: captain}\n");
        assertThatThrownBy(() -> ScenarioFile.read(bad)).isInstanceOf(InvalidScenario.class)
                .hasMessage(bad + ":3:22: role is manager or worker, not 'captain'");
        assertThat(ScenarioFile.read(Path.of("scenarios/mke-3.7.14.yaml")).mkeVersion()).isEqualTo("3.7.14");
        assertThat(ScenarioFile.builtIn("calico-kdd-false").configToml()).contains("calico_kdd = false");
    }
}
