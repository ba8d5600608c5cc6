package dev.unwind.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unwind.cli.Cli;
import dev.unwind.lab.scenario.ScenarioFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped upgrade playbook run by {@code unwind play} against the lab, as a check of the lab contract. */
class UpgradePlaybookOnLabTest {
    static final Path PLAYBOOK = Path.of("../playbooks/mke3-to-mke4k.yml").toAbsolutePath().normalize();

    @TempDir
    Path home;

    @Test
    void theUpgradePlaybookRunsOnTheLab() throws Exception {
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default"))) {
            LabSnapshot before = lab.snapshot();
            Path out = home.resolve("out");
            Cli.Result r = new Cli(home).run("play", PLAYBOOK.toString(), "-i", lab.inventory().toString(),
                    "--known-hosts", lab.knownHosts().toString(), "-e", "mke3_admin_password=" + lab.adminPassword(),
                    "-e", "output_dir=" + out, "-e", "kubeconfig_out=" + home.resolve("mke/mke.kubeconf"), "-e", "force=true");
            // phases 1-12 ran on the lab (the summary template of phase 13 is still being written)
            assertThat(r.out()).as(r.toString()).contains("passed the point of no return at 'Remove MKE 3'");
            assertThat(lab.kubernetes().nodes().list().getItems()).hasSize(5);
            assertThat(lab.ucpAnswering()).isFalse();
            List<String> diff = before.diff(lab.snapshot());
            assertThat(diff).contains("- cluster/ucp/installed (file rw-r--r-- 14 bytes sha256:"
                    + before.entries().get("cluster/ucp/installed").substring(31, 47) + ")");
            assertThat(diff).anyMatch(l -> l.startsWith("+ kube/Password/mke/"))
                    .anyMatch(l -> l.startsWith("+ kube/RoleBinding/dev/development-team-restricted-control"));
            lab.verifyNothingEscaped();
        }
    }
}
