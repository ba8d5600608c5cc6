package dev.unwind.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unwind.cli.Cli;
import dev.unwind.lab.scenario.FaultSpec;
import dev.unwind.lab.scenario.Scenario;
import dev.unwind.lab.scenario.ScenarioFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unwind upgrade} end to end on the simulated lab: the same playbook SwarmUpgradeTest runs on real nodes. */
class LabUpgradeTest {
    @TempDir
    Path dir;

    @BeforeEach
    void shippedFiles() {
        System.setProperty("unwind.repo", Path.of("..").toAbsolutePath().normalize().toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("unwind.repo");
    }

    private Cli.Result upgrade(LabCluster lab) {
        return new Cli(dir.resolve("home")).run("upgrade", "-i", lab.inventory().toString(), "--mke3-admin-password",
                lab.adminPassword(), "--yes", "--force", "--output", dir.toString(), "--kubeconfig-out",
                dir.resolve("kube/mke.kubeconf").toString(), "-e", "node_ready_retries=10", "-e", "node_ready_delay=1");
    }

    @Test
    void theUpgradeRunsEndToEnd() throws Exception {
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default"))) {
            Cli.Result r = upgrade(lab);

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(lab.ucpAnswering()).isFalse();
            assertThat(Files.readString(dir.resolve("mke-upgrade/summary.txt"))).startsWith("Upgrade Summary\n")
                    .contains("MKE 3.8.5 was uninstalled from the cluster successfully.");
            lab.verifyNothingEscaped();
        }
    }

    @Test
    void aWorkerThatCannotStartRollsTheLabBackToExactlyItsStateBefore() throws Exception {
        Scenario s = ScenarioFile.builtIn("default").withFaults(List.of(
                new FaultSpec.CommandFails("mke-worker-1", "k0s start", 1, 1, "Job for k0sworker.service failed (lab fault)")));
        try (LabCluster lab = LabCluster.start(s)) {
            LabSnapshot before = lab.snapshot();

            Cli.Result r = upgrade(lab);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.out()).contains("lab fault", "Rollback to MKE 3 completed");
            // left on purpose: the backups, and etcd's snapshot and restore copies in ucp-kv's data
            assertThat(before.diff(lab.snapshot())).allMatch(l -> l.startsWith("+ nodes/mke-manager-1/var/lib/unwind")
                    || l.matches("\\+ nodes/mke-manager-1/var/lib/docker/volumes/ucp-kv/_data/unwind-(snapshot|restore)\\.db .*"));
            assertThat(lab.ucpAnswering()).isTrue();
        }
    }
}
