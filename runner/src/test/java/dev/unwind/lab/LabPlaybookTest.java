package dev.unwind.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unwind.cli.Cli;
import dev.unwind.lab.scenario.FaultSpec;
import dev.unwind.lab.scenario.Scenario;
import dev.unwind.lab.scenario.ScenarioFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playbooks run by {@code unwind play} over real SSH against the lab, with the lab's inventory, key and known_hosts. */
class LabPlaybookTest {
    static final Path PLAYBOOKS = Path.of("src/test/resources/playbooks/lab").toAbsolutePath();

    @TempDir
    Path home;

    private Cli.Result play(LabCluster lab, String playbook, String... extra) {
        List<String> args = new ArrayList<>(List.of("play", PLAYBOOKS.resolve(playbook).toString(), "-i", lab.inventory().toString(),
                "--known-hosts", lab.knownHosts().toString(), "--private-key", lab.clientKey().toString()));
        args.addAll(List.of(extra));
        return new Cli(home).run(args.toArray(String[]::new));
    }

    @Test
    void fiveNodesComeUpInWellUnderFiveSecondsAndMke3FactsReadsThemOverSsh() throws Exception {
        // the first lab in a JVM also pays for loading fabric8's and MINA's classes: time the lab itself
        LabCluster.start(ScenarioFile.builtIn("default").resized(1)).close();
        long started = System.nanoTime();
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default"))) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(lab.nodes()).hasSize(5);
            assertThat(millis).as("lab start").isLessThan(5000);

            Cli.Result r = play(lab, "facts.yml", "-e", "mke3_admin_password=" + lab.adminPassword());

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).containsPattern("ok=\\d+ +changed=0").contains("mke-worker-2");
            assertThat(r.out() + r.err()).doesNotContain(lab.adminPassword());
            lab.verifyNothingEscaped();
        }
    }

    @Test
    void aRunThatFailsUnwindsTheLabToExactlyItsStateBefore() throws Exception {
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default"))) {
            LabSnapshot before = lab.snapshot();

            Cli.Result r = play(lab, "quiesce-and-k0s.yml", "-e", "fail_at_end=true");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.out() + r.err()).contains("failing on purpose after k0s started");
            assertThat(before.diff(lab.snapshot())).isEmpty();
            assertThat(lab.ucpAnswering()).isTrue();
            lab.verifyNothingEscaped();
        }
    }

    @Test
    void theRunChangesTheLabAsTheRealToolsWouldAndTheNodeBecomesReady() throws Exception {
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default"))) {
            LabSnapshot before = lab.snapshot();

            Cli.Result r = play(lab, "quiesce-and-k0s.yml");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(lab.ucpAnswering()).isFalse();
            assertThat(lab.kubernetes().nodes().list().getItems()).extracting(n -> n.getMetadata().getName())
                    .containsExactly("mke-manager-1");
            List<String> diff = before.diff(lab.snapshot());
            assertThat(diff).contains("~ nodes/mke-worker-2/var/lib/docker/containers/ucp-kubelet", "~ ucp/answering",
                    "+ kube/Node/mke-manager-1 (object sha256:" + lab.snapshot().entries().get("kube/Node/mke-manager-1")
                            .substring("object sha256:".length()) + ")");
            assertThat(diff).anyMatch(l -> l.startsWith("+ nodes/mke-manager-1/etc/k0s/k0s.yaml"))
                    .anyMatch(l -> l.startsWith("+ nodes/mke-manager-1/etc/systemd/system/k0scontroller.service"))
                    .anyMatch(l -> l.contains("STATE=running  ->") || l.equals("    - STATE=running"));
            lab.verifyNothingEscaped();
        }
    }

    @Test
    void aCommandFaultFiresAtItsCallAndTheRunUnwinds() throws Exception {
        Scenario s = ScenarioFile.builtIn("default").withFaults(List.of(
                new FaultSpec.CommandFails("mke-manager-1", "k0s start", 1, 1, "Job for k0scontroller.service failed (lab fault)")));
        try (LabCluster lab = LabCluster.start(s)) {
            LabSnapshot before = lab.snapshot();

            Cli.Result r = play(lab, "quiesce-and-k0s.yml");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.out() + r.err()).contains("Job for k0scontroller.service failed (lab fault)");
            assertThat(lab.firedFaults()).containsExactly(s.faults().get(0));
            assertThat(before.diff(lab.snapshot())).isEmpty();
        }
    }

    @Test
    void aDroppedConnectionMakesTheNodeUnreachableAndTheRunUnwinds() throws Exception {
        Scenario s = ScenarioFile.builtIn("default").withFaults(List.of(
                new FaultSpec.ConnectionDrops("mke-worker-1", "docker stop", 1)));
        try (LabCluster lab = LabCluster.start(s)) {
            LabSnapshot before = lab.snapshot();

            Cli.Result r = play(lab, "quiesce-and-k0s.yml");

            assertThat(r.exitCode()).as(r.toString()).isIn(2, 4);
            assertThat(r.out()).containsPattern("(unreachable|failed) +mke-worker-1");
            assertThat(lab.firedFaults()).hasSize(1);
            assertThat(before.diff(lab.snapshot())).isEmpty();
        }
    }

    @Test
    void theInventoryReadsAsAnsibleWould() throws Exception {
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default"))) {
            Cli.Result r = new Cli(home).run("inventory", "-i", lab.inventory().toString(), "--host", "mke-worker-2");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            LabNode w2 = lab.node("mke-worker-2");
            assertThat(r.out()).contains("\"ansible_host\": \"" + w2.address() + "\"", "\"ansible_port\": " + w2.port(),
                    "\"k0s_data_dir\": \"" + w2.sandbox().resolve("var/lib/k0s") + "\"");
            assertThat(Files.readString(lab.inventory())).doesNotContain(lab.adminPassword());
        }
    }
}
