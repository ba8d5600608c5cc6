package dev.unwind.mke.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeFactsParsingTest {
    private static String read(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/docker", name));
    }

    @Test
    void aManagersDockerInfoGivesItsRoleNodeIdAndSwarmCluster() throws Exception {
        DockerInfo info = DockerInfo.parse(read("info-manager.json"));
        assertThat(info).isEqualTo(new DockerInfo("mke-manager-1", "23.0.15", "active", "x3k9q2m1v8c7b6n5a4s3d2f1g",
                "172.31.10.11", true, "qz1x2c3v4b5n6m7l8k9j0h1g2", 3, 5));
        assertThat(info.role()).isEqualTo("manager");
        assertThat(info.inSwarm()).isTrue();
    }

    @Test
    void aWorkerSeesNoClusterId() throws Exception {
        DockerInfo info = DockerInfo.parse(read("info-worker.json"));
        assertThat(info.role()).isEqualTo("worker");
        assertThat(info.swarmClusterId()).isEmpty();
        assertThat(info.nodeId()).isEqualTo("w9e8r7t6y5u4i3o2p1a0s9d8f");
    }

    @Test
    void aStoppedEngineOrGarbageIsAClearError() {
        assertThatThrownBy(() -> DockerInfo.parse("Cannot connect to the Docker daemon at unix:///var/run/docker.sock."))
                .isInstanceOf(FactsParseException.class).hasMessageStartingWith("docker info did not print JSON");
        assertThatThrownBy(() -> DockerInfo.parse("{\"Swarm\":{}}"))
                .isInstanceOf(FactsParseException.class).hasMessageContaining("is the Docker engine (MCR) running?");
    }

    @Test
    void theMkeVersionIsTheTagOfTheUcpProxyImage() throws Exception {
        List<Container> cs = Container.parseLines(read("ps-manager.jsonl"));
        assertThat(cs).hasSize(5);
        assertThat(Container.mkeVersion(cs)).contains("3.8.5");
        assertThat(cs.stream().filter(Container::running).map(Container::name))
                .containsExactly("ucp-agent.x3k9q2m1v8c7b6n5a4s3d2f1g.7yq", "ucp-proxy", "ucp-controller", "ucp-kv");
    }

    @Test
    void imageTagsSurviveRegistryPortsAndDigests() {
        assertThat(new Container("1", "ucp-proxy", "registry.local:5000/mirantis/ucp-proxy:3.7.16@sha256:abc", "running")
                .imageTag()).contains("3.7.16");
        assertThat(new Container("1", "ucp-proxy", "registry.local:5000/mirantis/ucp-proxy", "running").imageTag()).isEmpty();
        assertThat(Container.mkeVersion(List.of())).isEmpty();
    }

    @Test
    void nodeLsGivesReadinessAndTheLeader() throws Exception {
        List<SwarmNode> nodes = SwarmNode.parseLines(read("node-ls.jsonl"));
        assertThat(nodes).filteredOn(SwarmNode::leader).extracting(SwarmNode::hostname).containsExactly("mke-manager-1");
        assertThat(nodes).filteredOn(SwarmNode::manager).hasSize(3);
        assertThat(nodes).filteredOn(n -> !n.ready()).extracting(SwarmNode::hostname).containsExactly("mke-worker-2");
    }

    @Test
    void ssGivesEachPortsProcess() throws Exception {
        assertThat(Listeners.parse(read("ss-ltnp.txt"))).isEqualTo(Map.of(443, "docker-proxy", 12379, "etcd",
                6443, "kube-apiserver", 10250, "kubelet", 80, "nginx", 22, "sshd", 9443, "?"));
    }
}
