package dev.unwind.lab;

import dev.unwind.lab.scenario.NodeSpec;
import dev.unwind.lab.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an MKE 3 installation leaves on a node and in the swarm, written as the stand-ins' state files:
 * the engine, the node's swarm membership, its ucp-* containers (with the ports each holds), the ucp-kv
 * (etcd) data on managers, and the swarm's node list.
 */
final class Mke3NodeState {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private final SecureRandom random = new SecureRandom();
    private final Scenario scenario;
    private final Path cluster;
    private final String clusterId;
    private final Map<String, String> nodeIds = new LinkedHashMap<>();

    Mke3NodeState(Scenario scenario, Path cluster) {
        this.scenario = scenario;
        this.cluster = cluster;
        this.clusterId = id(25);
        scenario.nodes().forEach(n -> nodeIds.put(n.name(), id(25)));
    }

    String clusterId() {
        return clusterId;
    }

    /** The swarm and the UCP installation, shared by every node. */
    void writeCluster(Map<String, String> addresses, String configToml) throws IOException {
        write(cluster.resolve("swarm/cluster"), Map.of("ID", clusterId));
        for (NodeSpec n : scenario.nodes()) {
            Map<String, String> kv = new LinkedHashMap<>();
            kv.put("ID", nodeIds.get(n.name()));
            kv.put("HOSTNAME", n.name());
            kv.put("ADDR", addresses.get(n.name()));
            kv.put("STATUS", n.ready() ? "Ready" : "Down");
            kv.put("AVAILABILITY", "Active");
            kv.put("MANAGER_STATUS", !n.manager() ? "" : n.leader() ? "Leader" : "Reachable");
            kv.put("ENGINE_VERSION", scenario.engineVersion());
            write(cluster.resolve("swarm/nodes/" + n.name()), kv);
        }
        write(cluster.resolve("ucp/installed"), Map.of("VERSION", scenario.mkeVersion()));
        Files.writeString(cluster.resolve("ucp/config.toml"), configToml);
    }

    /** One node's engine, swarm membership, containers and volumes, under its sandbox. */
    void writeNode(NodeSpec n, String address, Path sandbox) throws IOException {
        for (String dir : List.of("etc/systemd/system", "run/lock", "var/lib", "usr/local/bin", ".lab")) {
            Files.createDirectories(sandbox.resolve(dir));
        }
        Path docker = sandbox.resolve("var/lib/docker");
        write(docker.resolve("engine"), Map.of("ENGINE_ID", java.util.UUID.randomUUID().toString(), "NAME", n.name(),
                "SERVER_VERSION", scenario.engineVersion()));
        write(docker.resolve("swarm/state"), Map.of("NODE_ID", nodeIds.get(n.name()), "NODE_ADDR", address,
                "MANAGER", String.valueOf(n.manager()), "LOCAL_STATE", "active"));
        for (Container c : containers(n)) {
            Map<String, String> kv = new LinkedHashMap<>();
            kv.put("ID", hex(12));
            kv.put("IMAGE", c.image);
            kv.put("STATE", c.running ? "running" : "exited");
            kv.put("UPTIME", c.running ? "3 days" : "3 days");
            kv.put("COMMAND", c.command);
            kv.put("CREATED", "2026-03-02 09:20:01 +0000 UTC");
            kv.put("LABELS", "com.docker.ucp.version=" + scenario.mkeVersion());
            kv.put("MOUNTS", c.mounts);
            kv.put("NETWORKS", c.network);
            kv.put("PORTS", c.ports);
            kv.put("LISTEN", c.listen);
            write(docker.resolve("containers/" + c.name), kv);
        }
        if (n.manager()) {
            Path db = docker.resolve("volumes/ucp-kv/_data/member/snap/db");
            Files.createDirectories(db.getParent());
            Files.writeString(db, "etcd data of " + n.name() + " (cluster " + clusterId + ", revision 18842)\n"
                    + "/ucp/config/toml sha256:" + Integer.toHexString(scenario.configToml().hashCode()) + "\n");
        }
        if (!n.listeners().isEmpty()) {
            write(sandbox.resolve(".lab/listeners"), Map.of("LISTEN", String.join(" ", n.listeners())));
        }
    }

    private List<Container> containers(NodeSpec n) {
        String v = scenario.mkeVersion();
        String id = nodeIds.get(n.name());
        List<Container> out = new ArrayList<>();
        out.add(new Container("ucp-agent." + id + "." + id(25), "mirantis/ucp-agent:" + v, "/bin/ucp-agent pro…", "bridge", "", "", "", true));
        out.add(new Container("ucp-proxy", "mirantis/ucp-proxy:" + v, "/bin/proxy", "bridge", "ucp-client-root-ca,ucp-node-certs",
                "0.0.0.0:6444->6444/tcp, 0.0.0.0:12376->2376/tcp", "6444/docker-proxy 12376/docker-proxy", true));
        if (n.manager()) {
            out.add(new Container("ucp-controller", "mirantis/ucp-controller:" + v, "/bin/controller se…", "ucp-bridge",
                    "ucp-controller-server-certs", "0.0.0.0:443->8080/tcp", "443/docker-proxy", true));
            out.add(new Container("ucp-kv", "mirantis/ucp-etcd:" + v, "/bin/etcd --data-d…", "host", "ucp-kv", "",
                    "12379/etcd 12380/etcd", true));
            out.add(new Container("ucp-auth-api", "mirantis/ucp-auth:" + v, "/usr/local/bin/enz…", "ucp-bridge", "",
                    "0.0.0.0:12385->4000/tcp", "12385/docker-proxy", true));
            out.add(new Container("ucp-auth-store", "mirantis/ucp-auth-store:" + v, "/bin/entrypoint.sh…", "host",
                    "ucp-auth-store-data", "", "12383/rethinkdb 12384/rethinkdb", true));
            out.add(new Container("ucp-auth-worker", "mirantis/ucp-auth:" + v, "/usr/local/bin/enz…", "ucp-bridge", "", "", "", true));
            out.add(new Container("ucp-kube-apiserver", "mirantis/ucp-hyperkube:" + v, "/bin/kube-apiserver…", "host", "",
                    "", "6443/kube-apiserver 12388/kube-apiserver", true));
            out.add(new Container("ucp-kube-controller-manager", "mirantis/ucp-hyperkube:" + v, "/bin/kube-controll…", "host",
                    "", "", "", true));
            out.add(new Container("ucp-kube-scheduler", "mirantis/ucp-hyperkube:" + v, "/bin/kube-schedule…", "host", "", "", "", true));
            out.add(new Container("ucp-swarm-manager", "mirantis/ucp-swarm:" + v, "/bin/swarm manage…", "bridge", "",
                    "0.0.0.0:2376->2375/tcp", "2376/docker-proxy", true));
            out.add(new Container("ucp-metrics", "mirantis/ucp-metrics:" + v, "/bin/prometheus.sh…", "ucp-bridge", "",
                    "0.0.0.0:12387->12387/tcp", "12387/docker-proxy", true));
            if (n.leader()) {
                out.add(new Container("ucp-cluster-agent", "mirantis/ucp-agent:" + v, "/bin/ucp-agent clu…", "bridge", "", "", "", true));
            }
        } else {
            out.add(new Container("ucp-worker-agent-x." + id + "." + id(25), "mirantis/ucp-agent:" + v, "/bin/ucp-agent age…",
                    "bridge", "", "", "", true));
        }
        out.add(new Container("ucp-kubelet", "mirantis/ucp-hyperkube:" + v, "/bin/kubelet_entry…", "host", "", "",
                "10250/kubelet", true));
        out.add(new Container("ucp-kube-proxy", "mirantis/ucp-hyperkube:" + v, "/bin/kube-proxy --…", "host", "", "",
                "10256/kube-proxy", true));
        out.add(new Container("ucp-hardware-info", "mirantis/ucp-hardware-info:" + v, "/hardware_info", "bridge", "", "", "", true));
        out.add(new Container("ucp-reconcile", "mirantis/ucp-agent:" + v, "/bin/ucp-agent rec…", "host", "", "", "", false));
        return out;
    }

    private record Container(String name, String image, String command, String network, String mounts, String ports,
                             String listen, boolean running) {
    }

    static void write(Path file, Map<String, String> kv) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder sb = new StringBuilder();
        kv.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        Files.writeString(file, sb);
    }

    private String id(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private String hex(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return sb.toString();
    }
}
