package dev.unwind.testing.swarm;

import dev.unwind.lab.swarm.LabNode;
import dev.unwind.lab.swarm.Mke3Kubernetes;
import dev.unwind.lab.swarm.NodeImage;
import dev.unwind.lab.swarm.SwarmLab;

import dev.unwind.cli.Cli;
import dev.unwind.lab.scenario.ScenarioFile;
import dev.unwind.lab.ucp.FakeUcpServer;
import dev.unwind.lab.ucp.UcpCluster;
import dev.unwind.lab.ucp.UcpInstallation;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code unwind upgrade} (MKE 3 -> MKE 4k) on real nodes: 3 managers and 2 workers of a {@link SwarmLab} over real
 * SSH, their real engines and Swarm, the k0s stand-in under real systemd, the stand-in UCP API relayed from the
 * leader's ucp-controller, the new cluster's API at the lab's gateway. Rollback tests run first (each leaves MKE 3
 * as it was, which they assert); the success path, which uninstalls MKE 3, runs last. The lab is put back between
 * tests ({@link SwarmLab#restoreMke3()}, seconds when nothing is left to undo).
 */
@Tag("swarm-lab")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwarmUpgradeTest {
    static final String PASSWORD = "Lab-admin-pw-7";

    static final SwarmLab lab = SwarmLab.managers(3).workers(2);
    @RegisterExtension
    static final SwarmLabExtension up = new SwarmLabExtension(lab);

    static FakeUcpServer ucp;
    static Path ucpDir;

    @TempDir
    Path dir;

    @BeforeAll
    static void ucpApi() throws IOException {
        // the shipped playbook's templates (k0s.yaml.ftl, upgrade-summary.ftl) are found from unwind's folder
        System.setProperty("unwind.repo", NodeImage.folder().getParent().getParent().toString());
        ucpDir = Files.createTempDirectory("unwind-swarm-ucp-");
        UcpCluster cluster = UcpCluster.sample(ScenarioFile.builtIn("default").configToml(), PASSWORD);
        ucp = FakeUcpServer.start(cluster, ucpDir, new InetSocketAddress("127.0.0.1", 0), UcpInstallation.always(cluster),
                lab.leader().address());
        lab.routeUcpApiTo(new InetSocketAddress("127.0.0.1", ucp.url().getPort()));
    }

    @AfterAll
    static void stopUcpApi() {
        System.clearProperty("unwind.repo");
        if (ucp != null) {
            ucp.close();
        }
    }

    @BeforeEach
    void mke3AsStarted() {
        lab.restoreMke3();
    }

    /** The lab's inventory, and the controller's own lock in this test's folder (the machine's is shared with other runs). */
    Path inventory() throws IOException {
        Path inventory = lab.writeInventory(dir.resolve("hosts.ini"));
        Files.writeString(inventory, "\n[controller]\nlocalhost ansible_connection=local unwind_lock_path=" + dir.resolve("unwind.lock") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        return inventory;
    }

    Cli.Result upgrade(String... extra) throws IOException {
        List<String> args = upgradeArgs();
        args.addAll(List.of(extra));
        long t0 = System.nanoTime();
        Cli.Result r = new Cli(dir.resolve("home")).run(args.toArray(String[]::new));
        System.err.printf("SwarmUpgradeTest: unwind upgrade exited %d in %.1f s%n", r.exitCode(), (System.nanoTime() - t0) / 1e9);
        return r;
    }

    List<String> upgradeArgs() throws IOException {
        return new ArrayList<>(List.of("upgrade", "-i", inventory().toString(),
                "--mke3-admin-password", PASSWORD, "--yes", "--force", "--output", dir.toString(),
                "--kubeconfig-out", dir.resolve("kube/mke.kubeconf").toString(), "--known-hosts", lab.knownHosts().toString(),
                "--k0s-binary", NodeImage.folder().resolve("files/k0s").toString(), "--mke3-ca-file", ucp.caFile().toString()));
    }

    /** A run's output, and what each node's k0s logged last: the output says which task failed, k0s says why. */
    Supplier<String> withK0sLogs(Cli.Result r) {
        return () -> {
            StringBuilder b = new StringBuilder(r.toString());
            for (LabNode n : lab.nodes()) {
                b.append("\n--- k0s on ").append(n.name()).append('\n')
                        .append(n.exec("journalctl -u k0scontroller -u k0sworker -n 25 --no-pager -o short-precise").stdout());
            }
            return b.toString();
        };
    }

    static void fault(LabNode node, String tool, String pattern, String message) {
        node.sh("printf '%s\\n%s\\n' '" + pattern + "' '" + message + "' >/etc/unwind-lab/faults/" + tool + ".test");
    }

    static boolean ucpAnswers() {
        return lab.node("worker1").exec("curl -fsS -k --max-time 5 https://" + lab.leader().address() + "/_ping").ok();
    }

    /** Rolled back: the swarm, the containers, the files and units as before; the UCP API answers; no Node left. */
    void assertBackOnMke3(ClusterSnapshot before, Cli.Result r) {
        assertThat(r.exitCode()).as(withK0sLogs(r)).isEqualTo(2);
        assertThat(r.out()).contains("Initiating rollback because of upgrade failure", "Initiating rollback of MKE to version: 3.8.5", "Rollback to MKE version 3.8.5 completed");
        assertClusterAsBefore(before, r);
    }

    static void assertClusterAsBefore(ClusterSnapshot before, Object context) {
        List<String> diff = before.diff(ClusterSnapshot.of(lab));
        // the backups are kept whatever happens (their undo is none): the only difference allowed
        assertThat(diff).as(String.valueOf(context)).allMatch(l -> l.startsWith("+ manager1: ") && l.contains("/var/lib/unwind"));
        assertThat(ucpAnswers()).as("the UCP API answers at the leader").isTrue();
        assertThat(lab.newCluster().nodeNames()).isEmpty();
        assertThat(lab.mke3AsStarted()).isTrue();
    }

    @Test
    @Order(5)
    void aFailedEtcdSnapshotOnTheLeaderRollsBackAndKeepsTheMkeBackup() throws IOException {
        ClusterSnapshot before = ClusterSnapshot.of(lab);
        fault(lab.leader(), "docker", "^exec ucp-kv etcdctl .*snapshot save", "Error: context deadline exceeded (lab fault)");

        Cli.Result r = upgrade();

        assertThat(r.out()).contains("lab fault").containsPattern("failed +manager1");
        assertBackOnMke3(before, r);
        assertThat(lab.leader().sh("ls /var/lib/unwind/mke-backup")).isEqualTo("mke3-backup.tar");
        // the backup is a tar of ucp-kv's data (the real etcd member's), taken from the real engine
        assertThat(lab.leader().sh("tar -tf /var/lib/unwind/mke-backup/mke3-backup.tar")).contains("data/datav3/member/snap/db");
    }

    @Test
    @Order(6)
    void aFailedQuiesceOnOneWorkerRollsEveryNodeBackToMke3() throws IOException {
        ClusterSnapshot before = ClusterSnapshot.of(lab);
        fault(lab.node("worker2"), "docker", "^stop ucp-", "Error response from daemon: cannot stop container: lab fault");

        Cli.Result r = upgrade();

        assertThat(r.out()).contains("lab fault");
        assertBackOnMke3(before, r);
    }

    @Test
    @Order(7)
    void aControllerThatCannotStartRollsEveryNodeBackToMke3() throws IOException {
        ClusterSnapshot before = ClusterSnapshot.of(lab);
        fault(lab.node("manager3"), "k0s", "^start$", "Job for k0scontroller.service failed: lab fault");

        Cli.Result r = upgrade();

        assertThat(r.out()).contains("lab fault");
        assertBackOnMke3(before, r);
    }

    @Test
    @Order(8)
    void aWorkerThatCannotJoinRollsEveryNodeBackToMke3() throws IOException {
        ClusterSnapshot before = ClusterSnapshot.of(lab);
        fault(lab.node("worker1"), "k0s", "^install worker", "failed to install k0s service: lab fault");

        Cli.Result r = upgrade();

        assertThat(r.out()).contains("lab fault");
        assertBackOnMke3(before, r);
    }

    @Test
    @Order(9)
    void aNodeThatNeverBecomesReadyRollsEveryNodeBackToMke3() throws IOException {
        ClusterSnapshot before = ClusterSnapshot.of(lab);
        lab.node("worker2").sh("touch /etc/unwind-lab/faults/k0s.notready");

        // worker2 is never Ready: 30 s of waiting says so as well as the default 120 s
        Cli.Result r = upgrade("-e", "node_ready_retries=30", "-e", "node_ready_delay=1");

        assertThat(r.out()).contains("MKE 4k: every node Ready");
        assertBackOnMke3(before, r);
    }

    @Test
    @Order(10)
    void anApiErrorWhileMigratingUsersRollsEveryNodeBackToMke3() throws IOException {
        ClusterSnapshot before = ClusterSnapshot.of(lab);
        // the new cluster's API refuses Dex's passwords: an admission policy the leader's k0s applies once it answers
        lab.leader().sh("cd /etc/unwind-lab/faults && printf '%s\\n%s\\n' 'POST /apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies'"
                + " '{\"apiVersion\":\"admissionregistration.k8s.io/v1\",\"kind\":\"ValidatingAdmissionPolicy\",\"metadata\":{\"name\":\"lab-fault\"},"
                + "\"spec\":{\"failurePolicy\":\"Fail\",\"matchConstraints\":{\"resourceRules\":[{\"apiGroups\":[\"dex.coreos.com\"],"
                + "\"apiVersions\":[\"*\"],\"operations\":[\"CREATE\"],\"resources\":[\"passwords\"]}]},"
                + "\"validations\":[{\"expression\":\"false\",\"message\":\"etcdserver: request timed out (lab fault)\"}]}}' >k0s-api.1-policy"
                + " && printf '%s\\n%s\\n' 'POST /apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings'"
                + " '{\"apiVersion\":\"admissionregistration.k8s.io/v1\",\"kind\":\"ValidatingAdmissionPolicyBinding\",\"metadata\":{\"name\":\"lab-fault\"},"
                + "\"spec\":{\"policyName\":\"lab-fault\",\"validationActions\":[\"Deny\"]}}' >k0s-api.2-binding");

        Cli.Result r = upgrade();

        assertThat(r.out()).contains("Migrate users", "lab fault");
        assertBackOnMke3(before, r);
    }

    @Test
    @Order(11)
    void aKubeconfigThatCannotBeWrittenRollsEveryNodeBackToMke3() throws IOException {
        ClusterSnapshot before = ClusterSnapshot.of(lab);
        Files.writeString(dir.resolve("kube"), "a file where the kubeconfig's folder should be\n");

        Cli.Result r = upgrade();

        assertThat(r.out()).contains("Write the admin kubeconfig");
        assertBackOnMke3(before, r);
    }

    @Test
    @Order(20)
    void aControllerKilledMidUpgradeIsRolledBackByUnwindRollback() throws Exception {
        ClusterSnapshot before = ClusterSnapshot.of(lab);
        Path home = dir.resolve("home");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Dunwind.home=" + home, "-Dunwind.repo=" + System.getProperty("unwind.repo"),
                // a known moment mid phase 7, between tasks: the leader's k0s runs, no other task is under way
                "-Dunwind.test.pauseBeforeTask=k0s controllers: wait for the leader",
                "-Dunwind.test.pauseMarker=" + dir.resolve("paused"),
                "dev.unwind.cli.Main"));
        cmd.addAll(upgradeArgs());
        Path log = dir.resolve("controller.out");
        Process controller = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            // mid phase 7: the leader's k0s is installed and started
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(dir.resolve("paused"))) {
                assertThat(controller.isAlive()).as(Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("phase 7 never began: " + Files.readString(log)).isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(lab.leader().exec("systemctl is-active -q k0scontroller").ok()).as("the leader's k0s runs").isTrue();
        } finally {
            controller.destroyForcibly();   // SIGKILL: no unwind, no journal end
            controller.waitFor();
        }
        assertThat(ucpAnswers()).as("MKE 3 is quiesced when the controller dies").isFalse();
        String runId;
        try (var runs = Files.list(home.resolve("runs"))) {
            runId = runs.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }

        Cli.Result r = new Cli(home).run("rollback", runId, "--known-hosts", lab.knownHosts().toString());

        System.err.println(r);
        assertThat(r.exitCode()).as(withK0sLogs(r)).isZero();
        assertThat(r.out()).contains("run " + runId + " rolled back");
        assertClusterAsBefore(before, r);
        // the killed run's host locks go with its rollback: the next upgrade need not wait for them to go stale
        for (LabNode n : lab.nodes()) {
            assertThat(n.sh("[ -e /run/lock/unwind.lock ] && echo held || echo released")).as(n.name()).isEqualTo("released");
        }
    }

    @Test
    @Order(21)
    void aWorkerRebootedMidPhase8EndsBackOnMke3() throws Exception {
        ClusterSnapshot before = ClusterSnapshot.of(lab);
        LabNode worker = lab.node("worker1");
        java.util.concurrent.CompletableFuture<Void> reboot = java.util.concurrent.CompletableFuture.runAsync(() -> {
            // phase 8 on worker1: its join token is there, k0s not installed yet
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
            while (!worker.exec("test -f /etc/k0s/worker.token").ok()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("phase 8 never reached worker1");
                }
                sleep(50);
            }
            worker.reboot();
        });

        Cli.Result r = upgrade();
        reboot.get(3, java.util.concurrent.TimeUnit.MINUTES);
        System.err.println(r);

        assertThat(r.exitCode()).as(withK0sLogs(r)).isIn(2, 3);
        if (r.exitCode() == 3) {
            // worker1 was away while the rollback reached it: the report names what is left, `unwind rollback` ends it
            assertThat(r.out()).contains("worker1");
            String runId = r.out().lines().filter(l -> l.startsWith("unwind run ")).findFirst().orElseThrow().substring(11).strip();
            Cli.Result again = new Cli(dir.resolve("home")).run("rollback", runId, "--known-hosts", lab.knownHosts().toString());
            System.err.println(again);
            assertThat(again.exitCode()).as(withK0sLogs(again)).isZero();
        }
        awaitSwarmSettled(before);
        List<String> diff = before.diff(ClusterSnapshot.of(lab));
        // Left besides the backups: nothing. Once an undo on worker1 failed (the node was away), its older changes were
        // left rather than tried (an older undo would take away the k0s binary the failed one still needs), and
        // `unwind rollback` took them back after it, in order
        assertThat(diff).as(withK0sLogs(r)).allMatch(l -> l.startsWith("+ manager1: ") && l.contains("/var/lib/unwind"));
        assertThat(lab.mke3AsStarted()).isTrue();
        assertThat(ucpAnswers()).isTrue();
        assertThat(lab.newCluster().nodeNames()).isEmpty();
    }

    /**
     * After a reboot the scheduler needs a while to place the global services' tasks on the node again: waits until
     * the swarm (nodes, services, replicas) and every node's running tasks are as in {@code before}.
     */
    static void awaitSwarmSettled(ClusterSnapshot before) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
        while (true) {
            ClusterSnapshot now = ClusterSnapshot.of(lab);
            if (now.diff(before).stream().noneMatch(l -> l.contains(" swarm ") || l.contains(": service "))) {
                return;
            }
            assertThat(System.nanoTime()).as("the swarm did not settle: " + before.diff(now)).isLessThan(deadline);
            sleep(500);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(100)
    void theUpgradeMovesThreeManagersAndTwoWorkersFromMke3ToK0s() throws Exception {
        List<String> mke3Objects = withoutResourceVersions(lab.mke3Kubernetes().seededObjects());
        // a bound token MKE 3 issued to a workload's ServiceAccount, as a pod holds in its projected volume
        String mke3Token = lab.mke3Kubernetes().client(30).serviceAccounts().inNamespace("shop").withName("shop-backend")
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
                .getStatus().getToken();

        Cli.Result r = upgrade();

        assertThat(r.exitCode()).as(withK0sLogs(r)).isZero();
        for (LabNode n : lab.nodes()) {
            // the uninstall agent's own task containers go when Swarm gets round to it, a moment after its service
            assertThat(eventually(() -> n.sh("docker ps -a --format '{{.Names}}' | grep '^ucp-' || true"), String::isEmpty))
                    .as(n.name() + ": MKE 3 containers").isEmpty();
            String unit = n.isManager() ? "k0scontroller" : "k0sworker";
            assertThat(n.exec("systemctl is-active " + unit).stdout().strip()).as(n.name()).isEqualTo("active");
            assertThat(n.exec("systemctl is-enabled " + unit).stdout().strip()).as(n.name()).isEqualTo("enabled");
            assertThat(n.sh("k0s status")).as(n.name()).contains("Role: " + (n.isManager() ? "controller+worker" : "worker"));
            // MCR stays and answers; the swarm is gone from every engine (Mirantis: no Swarm workload is left)
            assertThat(n.sh("docker info --format '{{.Swarm.LocalNodeState}}'")).as(n.name() + ": out of the swarm").isEqualTo("inactive");
            assertThat(n.sh("ls /etc/k0s")).as(n.name() + ": no join token left").doesNotContain(".token");
        }
        try (KubernetesClient mke4k = lab.newCluster().client().orElseThrow()) {
            // a bootstrap token that outlives the upgrade would let anyone who read it join a node for good
            assertThat(mke4k.secrets().inNamespace("kube-system").list().getItems())
                    .filteredOn(s -> "bootstrap.kubernetes.io/token".equals(s.getType()))
                    .allSatisfy(s -> assertThat(s.getData()).containsKey("expiration"));
        }
        // the workload's token from MKE 3 still authenticates it to MKE 4k (same key, issuer and audience)
        assertThat(lab.leader().sh("curl -s --cacert /var/lib/k0s/pki/ca.crt -X POST -H 'Content-Type: application/json'"
                + " -H 'Authorization: Bearer " + mke3Token + "'"
                + " -d '{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}'"
                + " https://127.0.0.1:6443/apis/authentication.k8s.io/v1/selfsubjectreviews"))
                .containsPattern("\"username\": ?\"system:serviceaccount:shop:shop-backend\"");
        assertThat(ucpAnswers()).as("the UCP API is gone").isFalse();
        assertThat(lab.newCluster().readyNodeNames()).containsExactly("manager1", "manager2", "manager3", "worker1", "worker2");
        // MKE 3's Kubernetes objects are served by MKE 4k, the same objects (UIDs); controllers may have updated them since
        try (KubernetesClient mke4k = lab.newCluster().client().orElseThrow()) {
            assertThat(withoutResourceVersions(Mke3Kubernetes.seededObjects(mke4k))).containsAll(mke3Objects);
        }
        // and MKE 3's admin certificate (its CA is MKE 4k's) is accepted at the same address
        assertThat(withoutResourceVersions(lab.mke3Kubernetes().seededObjects())).containsAll(mke3Objects);
        assertThat(lab.leader().sh("ls /var/lib/unwind/mke-backup")).isEqualTo("etcd-snapshot.db\nkubernetes-pki\nmke3-backup.tar");

        Path kubeconfig = dir.resolve("kube/mke.kubeconf");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig))).isEqualTo("rw-------");
        assertThat(Files.readString(kubeconfig)).contains("server: https://" + lab.leader().address() + ":6443");
        Path summary = dir.resolve("mke-upgrade/summary.txt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(summary))).isEqualTo("rw-------");
        String s = Files.readString(summary);
        System.err.println(s);
        assertThat(s).startsWith("Upgrade Summary\n---------------\n")
                .contains("\nAuthentication\n---------------\nUsers found in the MKE3 cluster: 4\n")
                .contains("\nAuthorization\n---------------\nOrganizations found in the MKE3 cluster: 2\nTeams found in the MKE3 cluster: 2\n")
                .contains("\nMKE3 Cleanup\n---------------\nMKE 3.8.5 was uninstalled from the cluster successfully.\n");
        assertThat(r.out()).contains("Upgrade Summary");
    }

    static List<String> withoutResourceVersions(List<String> objects) {
        return objects.stream().map(o -> o.replaceAll(" rv=\\S+", "")).toList();
    }

    /** The value once it satisfies {@code done}, polling for up to 30 s; else the last value seen. */
    private static String eventually(java.util.concurrent.Callable<String> value, java.util.function.Predicate<String> done)
            throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        String v = value.call();
        while (!done.test(v) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            v = value.call();
        }
        return v;
    }
}
