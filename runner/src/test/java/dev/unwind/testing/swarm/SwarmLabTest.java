package dev.unwind.testing.swarm;

import dev.unwind.lab.swarm.LabNode;
import dev.unwind.lab.swarm.Mke3Kubernetes;
import dev.unwind.lab.swarm.NodeImage;
import dev.unwind.lab.swarm.SwarmLab;

import dev.unwind.cli.Cli;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.transport.TransportOptions;
import dev.unwind.transport.ssh.SshSettings;
import dev.unwind.transport.ssh.SshTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab itself, on 3 managers and 2 workers: a real Swarm forms, real sshd answers with the node's own host key,
 * the node's engine reports the swarm facts an MKE 3 node gives, the stand-in MKE 3 runs under its names, real
 * systemd runs the k0s stand-in's units for {@code unwind play} (and the systemd module's undo stops them again),
 * the UCP API answers at the managers' addresses while their ucp-controller runs, and a node cut off the network
 * is unreachable for unwind.
 */
@Tag("swarm-lab")
class SwarmLabTest {
    static final SwarmLab lab = SwarmLab.managers(3).workers(2);
    @RegisterExtension
    static final SwarmLabExtension up = new SwarmLabExtension(lab);

    static final String K0S_PLAYBOOK = """
            - name: the k0s stand-in as systemd services
              hosts: cluster
              gather_facts: false
              become: true
              vars:
                stop_here: "no"
              tasks:
                - name: the k0s binary (the node image has none)
                  copy: src=${k0s_src} dest=/usr/local/bin/k0s mode=0755
                - name: k0s configuration folder
                  file: path=/etc/k0s state=directory mode=0755
                - name: join token
                  copy:
                    dest: /etc/k0s/join-token
                    content: ${join_token}
                    mode: "0600"
                - name: install the k0s service
                  command: k0s install ${k0s_install}
                  args:
                    creates: /etc/systemd/system/${k0s_unit}.service
                  undo:
                    command: k0s reset
                - name: start it
                  systemd: name=${k0s_unit} state=started
                - name: ask k0s
                  command: k0s status
                  register: status
                  changed_when: false
                  # a unit just started writes its status socket a moment later
                  until: status.rc == 0
                  retries: 20
                  delay: 0.5
                - name: k0s runs in its role
                  assert:
                    that:
                      - 'status.stdout?contains("Role: " + k0s_role)'
                - name: injected failure
                  fail: msg="stop here"
                  when: stop_here == "yes"
                - name: stop it
                  systemd: name=${k0s_unit} state=stopped
                - name: systemd says it stopped
                  command: systemctl is-active ${k0s_unit}
                  register: active
                  failed_when: active.stdout?trim != "inactive"
                  changed_when: false
            """;

    /**
     * A join token as k0s prints it (a base64, gzipped kubeconfig) for a controller that never answers: the workers'
     * k0s runs and keeps trying to join, as k0s does, which is all these tests need of it.
     */
    static final String UNANSWERED_JOIN_TOKEN = joinToken("""
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: bm8gc3VjaCBDQQ==
                server: https://127.0.0.1:6443
              name: k0s
            kind: Config
            users:
            - name: kubelet-bootstrap
              user:
                token: abcdef.0123456789abcdef
            """);

    static String joinToken(String kubeconfig) {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(kubeconfig.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    @TempDir
    Path root;

    @AfterEach
    void everyNodeBackOnTheNetworkAndWithoutK0s() {
        for (LabNode n : lab.nodes()) {
            if (n.exec("ip -4 -o addr show | grep -q \"inet " + n.address() + "/\"").exitCode() != 0) {
                n.restoreNetwork();
            }
            n.exec("systemctl stop k0scontroller k0sworker 2>/dev/null; k0s reset >/dev/null 2>&1; rm -rf /etc/k0s /usr/local/bin/k0s");
        }
        lab.restoreMke3();
    }

    /**
     * What the upgrade's quiesce does before k0s can start: every node's ucp-agent paused (else it starts what is
     * stopped again), MKE 3's kube-apiserver stopped on the managers (it holds 6443, as k0s' own would).
     */
    private static void makeWayForK0s() {
        lab.pauseAgents();
        for (LabNode m : lab.managers()) {
            // kube-apiserver holds 6443; the lab's ucp-kv, on the node's network, holds 127.0.0.1:2379 (k0s' etcd)
            m.sh("docker stop ucp-kube-apiserver ucp-kv >/dev/null");
        }
    }

    @Test
    void threeManagersAndTwoWorkersFormOneSwarm() {
        String nodes = lab.leader().sh("docker node ls --format '{{.Hostname}} {{.ManagerStatus}} {{.Status}} {{.Availability}}'");

        assertThat(nodes.lines().map(String::strip).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                "manager1 Leader Ready Active",
                "manager2 Reachable Ready Active",
                "manager3 Reachable Ready Active",
                "worker1  Ready Active",
                "worker2  Ready Active");
    }

    @Test
    void dockerInfoOverRealSshReportsTheSwarmFactsOfEachNode() throws ConnectionException {
        Map<String, String> idByHost = new HashMap<>();
        for (String line : lab.leader().sh("docker node ls --format '{{.Hostname}} {{.ID}}'").split("\n")) {
            String[] f = line.strip().split(" ");
            idByHost.put(f[0], f[1]);
        }
        try (SshTransport ssh = new SshTransport(TransportOptions.defaults(), SshSettings.isolated(lab.knownHosts()))) {
            for (LabNode n : lab.nodes()) {
                Connection c = ssh.connect(n.name(), n.hostVars());
                String[] info = run(c, "docker info --format '{{.Swarm.NodeID}} {{.Swarm.ControlAvailable}} {{.Swarm.LocalNodeState}}'")
                        .split(" ");
                assertThat(info).as(n.name()).containsExactly(idByHost.get(n.name()), String.valueOf(n.isManager()), "active");
                if (n.isManager()) {
                    assertThat(run(c, "docker info --format '{{.Swarm.Cluster.ID}}'")).as(n.name()).isEqualTo(lab.clusterId());
                }
                assertThat(run(c, "hostname")).isEqualTo(n.name());
            }
        }
        assertThat(lab.clusterId()).matches("[a-z0-9]{25}");
    }

    @Test
    void everyNodeRunsTheStandInMke3UnderItsNames() throws ConnectionException {
        try (SshTransport ssh = new SshTransport(TransportOptions.defaults(), SshSettings.isolated(lab.knownHosts()))) {
            for (LabNode n : lab.nodes()) {
                Connection c = ssh.connect(n.name(), n.hostVars());
                String image = run(c, "docker inspect --format '{{.Config.Image}}' ucp-proxy");
                assertThat(image.substring(image.lastIndexOf(':') + 1)).as(n.name()).isEqualTo("3.8.5");
                Set<String> running = Set.copyOf(Arrays.asList(run(c, "docker ps --format '{{.Names}}'").split("\n")));
                String agent = n.isManager() ? "ucp-manager-agent." : "ucp-worker-agent.";
                assertThat(running).as(n.name()).anyMatch(name -> name.startsWith(agent));
                if (n.isManager()) {
                    assertThat(running).as(n.name()).contains("ucp-proxy", "ucp-controller", "ucp-kv", "ucp-auth-api", "ucp-auth-store",
                            "ucp-auth-worker", "ucp-cluster-root-ca", "ucp-client-root-ca", "ucp-kube-apiserver");
                } else {
                    assertThat(running).as(n.name()).contains("ucp-proxy", "ucp-kubelet").doesNotContain("ucp-controller", "ucp-kv");
                }
                assertThat(run(c, "docker inspect --format '{{index .Config.Labels \"com.docker.ucp.InstanceID\"}}' ucp-proxy"))
                        .isEqualTo(lab.clusterId());
            }
        }
    }

    @Test
    void theUcpApiAnswersAtEachManagerExactlyWhileItsControllerRuns() throws Exception {
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/_ping", ex -> {
            byte[] ok = "OK".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
            ex.close();
        });
        api.start();
        LabNode leader = lab.leader();
        LabNode worker = lab.node("worker1");
        try {
            lab.routeUcpApiTo(api.getAddress());
            for (LabNode m : lab.managers()) {
                assertThat(worker.sh("curl -fsS --max-time 5 http://" + m.address() + ":443/_ping")).as(m.name()).isEqualTo("OK");
            }
            assertThat(ping(leader)).isEqualTo("OK");
            assertThat(worker.exec("curl -fsS --max-time 5 http://" + worker.address() + ":443/_ping").exitCode())
                    .as("a worker runs no controller").isNotZero();

            leader.sh("docker stop ucp-controller");
            assertThat(worker.exec("curl -fsS --max-time 5 http://" + leader.address() + ":443/_ping").exitCode()).isNotZero();

            leader.sh("docker start ucp-controller");
            String answer = null;
            for (int i = 0; i < 50 && answer == null; i++) {
                LabNode.Exec r = worker.exec("curl -fsS --max-time 5 http://" + leader.address() + ":443/_ping");
                answer = r.ok() ? r.stdout() : null;
                Thread.sleep(100);
            }
            assertThat(answer).isEqualTo("OK");
        } finally {
            leader.exec("docker start ucp-controller");
            api.stop(0);
        }
    }

    private static String ping(LabNode manager) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + manager.address() + ":443/_ping")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    @Test
    void unwindPlayRunsK0sUnitsUnderRealSystemdOnEveryNode() throws IOException {
        makeWayForK0s();
        Cli.Result r = play(K0S_PLAYBOOK);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("ok=").doesNotContain("failed=1");
        for (LabNode n : lab.nodes()) {
            String unit = n.isManager() ? "k0scontroller" : "k0sworker";
            assertThat(n.exec("systemctl is-active " + unit).stdout().strip()).as(n.name()).isEqualTo("inactive");
            assertThat(n.exec("systemctl is-enabled " + unit).stdout().strip()).as(n.name()).isEqualTo("enabled");
            // it did run: systemd's own journal saw it start and stop
            assertThat(n.sh("journalctl -u " + unit + " --no-pager -o cat")).as(n.name()).contains("Started", "Stopped");
        }
    }

    @Test
    void aFailedRunStopsTheStartedUnitAgainAndRemovesTheService() throws IOException {
        makeWayForK0s();
        Cli.Result r = play(K0S_PLAYBOOK, "-e", "stop_here=yes");

        // 2: failed and fully unwound; `k0s reset` refuses a running k0s, so the undo of `start it` came first
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        for (LabNode n : lab.nodes()) {
            String unit = n.isManager() ? "k0scontroller" : "k0sworker";
            assertThat(n.exec("systemctl is-active " + unit).stdout().strip()).as(n.name()).isIn("inactive", "unknown");
            assertThat(n.exec("test -e /etc/systemd/system/" + unit + ".service").exitCode()).as(n.name()).isNotZero();
            assertThat(n.exec("test -e /etc/k0s").exitCode()).as(n.name()).isNotZero();
            assertThat(n.sh("journalctl -u " + unit + " --no-pager -o cat")).as(n.name()).contains("Started", "Stopped");
        }
    }

    @Test
    void aRebootedNodeComesBackWithItsKeysItsMke3AndItsPlaceInTheSwarm() {
        LabNode worker = lab.node("worker1");
        String hostKey = worker.sh("cat /etc/ssh/ssh_host_ed25519_key.pub");
        String bootId = worker.sh("cat /proc/sys/kernel/random/boot_id; systemctl show -p ActiveEnterTimestampMonotonic sshd");

        worker.reboot();

        assertThat(worker.sh("cat /proc/sys/kernel/random/boot_id; systemctl show -p ActiveEnterTimestampMonotonic sshd"))
                .as("sshd was started again").isNotEqualTo(bootId);
        assertThat(worker.sh("cat /etc/ssh/ssh_host_ed25519_key.pub")).isEqualTo(hostKey);
        assertThat(worker.sh("docker inspect --format '{{.State.Running}}' ucp-proxy")).isEqualTo("true");
        String state = null;
        for (int i = 0; i < 100 && !"ready".equals(state); i++) {
            state = lab.leader().sh("docker node inspect --format '{{.Status.State}}' worker1");
            sleepQuietly(100);
        }
        assertThat(state).isEqualTo("ready");
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aNodeCutOffTheNetworkIsUnreachableForUnwind() throws IOException {
        LabNode cut = lab.node("worker2");
        cut.cutNetwork();
        try {
            Cli.Result r = play("""
                    - name: reach every node
                      hosts: cluster
                      gather_facts: false
                      tasks:
                        - name: hello
                          command: "true"
                          changed_when: false
                    """);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
            assertThat(r.out()).contains("unreachable  worker2: worker2: no answer from " + cut.address() + ":22")
                    .containsPattern("worker2 +ok=0 changed=0 failed=0 skipped=0 unreachable=1")
                    .containsPattern("manager1 +ok=0 changed=0 failed=0 skipped=0 unreachable=0");
        } finally {
            cut.restoreNetwork();
        }
        Cli.Result again = play("""
                - name: reach every node
                  hosts: cluster
                  gather_facts: false
                  tasks:
                    - command: "true"
                      changed_when: false
                """);
        assertThat(again.exitCode()).as(again.toString()).isZero();
    }

    private Cli.Result play(String playbook, String... extra) throws IOException {
        Path site = root.resolve("site.yml");
        Files.writeString(site, playbook);
        Path inventory = lab.writeInventory(root.resolve("hosts.ini"));
        Files.writeString(inventory, """

                [managers:vars]
                k0s_install=controller --enable-worker
                k0s_unit=k0scontroller
                k0s_role=controller+worker

                [workers:vars]
                k0s_install=worker --token-file /etc/k0s/join-token
                k0s_unit=k0sworker
                k0s_role=worker
                """, java.nio.file.StandardOpenOption.APPEND);
        List<String> args = new java.util.ArrayList<>(List.of("play", site.toString(), "-i", inventory.toString(), "--known-hosts",
                lab.knownHosts().toString(), "-e", "k0s_src=" + NodeImage.folder().resolve("files/k0s"), "-e",
                "join_token=" + UNANSWERED_JOIN_TOKEN));
        args.addAll(List.of(extra));
        return new Cli(root.resolve("home")).run(args.toArray(String[]::new));
    }

    private static String run(Connection c, String script) throws ConnectionException {
        ExecResult r = c.exec(Command.of(script));
        assertThat(r.exitCode()).as(script + ": " + r.stderr()).isZero();
        return r.stdout().strip();
    }
}
