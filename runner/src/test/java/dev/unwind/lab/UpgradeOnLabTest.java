package dev.unwind.lab;

import dev.unwind.cli.Cli;
import dev.unwind.lab.scenario.ScenarioFile;
import dev.unwind.undo.ControllerProcess;
import io.fabric8.kubernetes.api.model.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The MKE 3 -> MKE 4k upgrade, end to end over SSH on the simulated lab: success, refusals, rollbacks. */
class UpgradeOnLabTest {
    @TempDir
    Path root;

    private Cli.Result upgrade(LabCluster lab, String... extra) {
        List<String> args = new ArrayList<>(List.of("upgrade", "-i", lab.inventory().toString(), "--mke3-admin-password",
                lab.adminPassword(), "--yes", "--force", "--known-hosts", lab.knownHosts().toString(),
                "--output", root.toString(), "--kubeconfig-out", kubeconfig().toString()));
        args.addAll(List.of(extra));
        return new Cli(root.resolve("home")).run(args.toArray(String[]::new));
    }

    private Path kubeconfig() {
        return root.resolve("dot-mke/mke.kubeconf");
    }

    private Path out(String file) {
        return root.resolve("mke-upgrade").resolve(file);
    }

    private static LabSnapshot clusterState(LabCluster lab) {
        return lab.snapshot().excluding(lab.nodes().stream().map(n -> "nodes/" + n.name() + "/var/lib/unwind").toArray(String[]::new));
    }

    @Test
    void upgradesFiveNodesToMke4kAndPrintsTheSummary() throws Exception {
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default"), root.resolve("lab"))) {
            Cli.Result r = upgrade(lab);

            assertThat(r.exitCode()).as(r.toString()).isZero();
            String summary = Files.readString(out("summary.txt"));
            assertThat(r.out()).contains(summary.strip().lines().findFirst().orElseThrow());
            assertThat(summary).startsWith("Upgrade Summary\n---------------\n")
                    .contains("Configuration file\n---------------\n", "Authentication\n---------------\nUsers found in the MKE3 cluster: 5\n",
                            "All users were upgraded to the MKE 4k cluster.\nTheir MKE 3 passwords were not carried over: the admin keeps"
                                    + " the password given to the upgrade, and these\n4 users have a new initial password in "
                                    + out("initial-passwords.txt") + ", to hand to each:\n  alice\n  bob\n  carol\n  dave\n",
                            "Authorization\n---------------\nOrganizations found in the MKE3 cluster: 2\nTeams found in the MKE3 cluster: 3\n",
                            "Ports\n---------------\nThe following MKE 3 ports are no longer used by MKE 4k and (unless otherwise needed) may be"
                                    + " made unavailable on all nodes: [2377,6444,7946,9055,12376,12378,12379,12380,12381,12382,12383,12384,"
                                    + "12385,12386,12387,12388,12389,12391,12392,179,12390,2376,443]",
                            "MCR\n---------------\nMCR may safely be uninstalled",
                            "MKE3 Cleanup\n---------------\nMKE 3.8.5 was uninstalled from the cluster successfully.");
            assertThat(Files.readString(out("mke4.yaml"))).contains("kind: MkeConfig").contains("cidrV4: 192.168.0.0/16");
            assertThat(Files.getPosixFilePermissions(kubeconfig())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            List<Node> nodes = lab.kubernetes().nodes().list().getItems();
            assertThat(nodes).hasSize(5).allMatch(n -> n.getStatus().getConditions().stream()
                    .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True")));
            assertThat(lab.kubernetes().rbac().clusterRoles().list().getItems()).extracting(c -> c.getMetadata().getName())
                    .contains("engineering-org", "development-team");
            // the lab's API knows no custom resource up front: phase 9 installed these CRDs, and so the MkeConfig could be applied
            assertThat(lab.kubernetes().apiextensions().v1().customResourceDefinitions().list().getItems())
                    .extracting(c -> c.getMetadata().getName()).contains("mkeconfigs.mke.mirantis.com", "passwords.dex.coreos.com");
            assertThat(lab.kubernetes().genericKubernetesResources("mke.mirantis.com/v1alpha1", "MkeConfig").inNamespace("mke")
                    .withName("mke").get()).isNotNull();
            assertThat(lab.ucpAnswering()).as("MKE 3 is gone").isFalse();
            assertThat(r.out() + r.err()).doesNotContain(lab.adminPassword());
            assertThat(summary).as("the summary says a password was reset, not that every user came over as they were")
                    .doesNotContain("users were upgraded to the MKE 4k cluster successfully");
            for (String line : Files.readAllLines(out("initial-passwords.txt"))) {
                if (!line.startsWith("#")) {
                    assertThat(r.out() + summary).doesNotContain(line.substring(line.indexOf(": ") + 2));
                }
            }
            lab.verifyNothingEscaped();

            LabSnapshot upgraded = lab.snapshot();
            // a site's copy with every task renamed: its tags, not the shipped names, say the cluster is upgraded
            Cli.Result again = upgrade(lab, "--playbook", renamedCopy().toString());
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("The cluster already runs MKE 4k: nothing to do.").doesNotContain("rollback");
            assertThat(lab.snapshot().diff(upgraded)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mke-3.7.14, 3.7.14", "mke-3.6.9, 3.6.9", "mke-3.9.0, 3.9.0", "calico-kdd-false, calico_kdd"})
    void aClusterThatCannotBeUpgradedIsRefusedBeforeAnythingChanges(String scenario, String named) throws Exception {
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn(scenario), root.resolve("lab"))) {
            LabSnapshot before = lab.snapshot();

            Cli.Result r = upgrade(lab);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
            assertThat(r.out()).contains(named).contains("nothing was changed");
            assertThat(lab.snapshot().diff(before)).isEmpty();
        }
    }

    @Test
    void anEditedPlaybookWithRenamedTasksStillRefusesAClusterThatCannotBeUpgraded() throws Exception {
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("mke-3.7.14"), root.resolve("lab"))) {
            LabSnapshot before = lab.snapshot();

            Cli.Result r = upgrade(lab, "--playbook", renamedCopy().toString());

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
            assertThat(r.out()).contains("Site: Pre-upgrade checks").contains("nothing was changed");
            assertThat(lab.snapshot().diff(before)).isEmpty();
        }
    }

    /** The shipped upgrade playbook copied with every task renamed ("Site: ..."), as a site might edit it. */
    private Path renamedCopy() throws java.io.IOException {
        Path from = Path.of("..", "playbooks").toAbsolutePath().normalize();
        Path to = root.resolve("site-playbooks");
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (f.getParent().getFileName().toString().equals("mke3-to-mke4k") && f.toString().endsWith(".yml")) {
                    Files.writeString(target, Files.readString(f).replace("\n- name: \"", "\n- name: \"Site: "));
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to.resolve("mke3-to-mke4k.yml");
    }

    @Test
    void aStaleKubeconfigOnTheControllerStopsTheUpgradeBeforeAnythingChanges() throws Exception {
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default"), root.resolve("lab"))) {
            Files.createDirectories(kubeconfig().getParent());
            Files.writeString(kubeconfig(), "");
            LabSnapshot before = lab.snapshot();

            Cli.Result r = upgrade(lab);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
            assertThat(r.out()).contains("mke.kubeconf");
            assertThat(lab.snapshot().diff(before)).isEmpty();
        }
    }

    @ParameterizedTest(name = "failure in phase {0}")
    @ValueSource(strings = {"5", "6", "7", "8", "9", "10", "11"})
    void aFailureInAnyPhaseRollsTheClusterBackToExactlyWhatItWas(String phase) throws Exception {
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default"), root.resolve("lab"))) {
            LabSnapshot before = clusterState(lab);

            Cli.Result r = upgrade(lab, "--fail-after-task", dev.unwind.cli.UpgradePhases.task(phase));

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.out()).contains("Initiating rollback").contains("Rollback to MKE version 3.8.5 completed")
                    .contains("Upgrade failed due to error: task '" + dev.unwind.cli.UpgradePhases.task(phase) + "'");
            // mkectl's two steps, in its order, each completed, whatever phase failed
            assertThat(r.out()).containsSubsequence("Initiating rollback because of upgrade failure. upgradeErr = ",
                    "Initiating rollback of MKE to version: 3.8.5", "Step 1 of 2: [Rollback Upgrade Tasks]", "[Rollback Upgrade Tasks] Completed",
                    "Step 2 of 2: [Rollback Pre Upgrade Tasks]", "[Rollback Pre Upgrade Tasks] Completed",
                    "Rollback to MKE version 3.8.5 completed successfully");
            String step1 = r.out().substring(r.out().indexOf("Step 1 of 2"), r.out().indexOf("Step 2 of 2"));
            String step2 = r.out().substring(r.out().indexOf("Step 2 of 2"));
            assertThat(step1).as("the quiesce is undone in step 2, after k0s is gone").doesNotContain("Quiesce MKE 3");
            if (Integer.parseInt(phase) >= 6) {
                assertThat(step2).contains("Quiesce MKE 3");
            }
            assertThat(out("pre-upgrade-checks.txt")).as("the checks' report is kept for the operator").content().contains("PASS");
            assertThat(before.diff(clusterState(lab))).as(r.toString()).isEmpty();
            assertThat(lab.ucpAnswering()).isTrue();
            assertThat(lab.kubernetes().nodes().list().getItems()).isEmpty();
            assertThat(kubeconfig()).doesNotExist();
            lab.verifyNothingEscaped();
        }
    }

    @Test
    void aDryRunChecksAndConvertsAndChangesNothing() throws Exception {
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default"), root.resolve("lab"))) {
            LabSnapshot before = lab.snapshot();

            Cli.Result r = upgrade(lab, "--dry-run");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("Dry run: nothing on the cluster changed").contains("kind: MkeConfig");
            assertThat(out("mke4.yaml")).exists();
            assertThat(lab.snapshot().diff(before)).isEmpty();
        }
    }

    @Test
    void aDryRunWithoutForceWritesTheCompatibilityReportItSendsTheOperatorTo() throws Exception {
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default"), root.resolve("lab"))) {
            LabSnapshot before = lab.snapshot();

            Cli.Result r = new Cli(root.resolve("home")).run("upgrade", "-i", lab.inventory().toString(), "--mke3-admin-password",
                    lab.adminPassword(), "--yes", "--known-hosts", lab.knownHosts().toString(), "--output", root.toString(),
                    "--kubeconfig-out", kubeconfig().toString(), "--dry-run");

            assertThat(r.exitCode()).as("refused before anything changed: %s", r).isEqualTo(5);
            assertThat(r.out()).contains("The cluster cannot be upgraded as it is; nothing was changed.")
                    .contains("Read the compatibility report (" + out("compatibility-report.txt") + ")").doesNotContain("Initiating rollback");
            assertThat(out("compatibility-report.txt")).as(r.toString()).content().isNotBlank();
            assertThat(out("mke4.yaml")).doesNotExist();
            assertThat(lab.snapshot().diff(before)).isEmpty();
        }
    }

    @Test
    void ctrlCMidUpgradeRollsBackAndExits130() throws Exception {
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default"), root.resolve("lab"))) {
            LabSnapshot before = clusterState(lab);
            Path marker = root.resolve("paused");
            ControllerProcess p = ControllerProcess.start(root.resolve("home"), List.of("-Dunwind.test.pauseBeforeTask=k0s workers: start",
                    "-Dunwind.test.pauseMarker=" + marker), "upgrade", "-i",
                    lab.inventory().toString(), "--mke3-admin-password", lab.adminPassword(), "--yes", "--force",
                    "--known-hosts", lab.knownHosts().toString(), "--output", root.toString(),
                    "--kubeconfig-out", kubeconfig().toString());
            ControllerProcess.awaitFile(marker, p);

            p.signal("INT");

            assertThat(p.waitFor()).as(p.output()).isEqualTo(130);
            assertThat(before.diff(clusterState(lab))).as(p.output()).isEmpty();
            assertThat(lab.ucpAnswering()).isTrue();
        }
    }
}
