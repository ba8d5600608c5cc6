package dev.unwind.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unwind.lab.scenario.ScenarioFile;
import org.junit.jupiter.api.Test;

class LabSmokeTest {
    @Test
    void twice() throws Exception {
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default"))) {
                System.out.println("up #" + i + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            }
        }
    }

    @Test
    void smoke() throws Exception {
        long t0 = System.nanoTime();
        try (LabCluster lab = LabCluster.start(ScenarioFile.builtIn("default"))) {
            System.out.println("up in " + (System.nanoTime() - t0) / 1_000_000 + " ms at " + lab.root());
            try (SshClientForTests ssh = new SshClientForTests(lab)) {
                for (String c : new String[] {"docker info --format '{{json .}}'", "docker ps -a --filter name=ucp- --format '{{json .}}'",
                        "docker node ls --format '{{json .}}'", "ss -H -ltnp", "sudo -n -H -u root -- /bin/sh -c 'echo $HOME; pwd'",
                        "docker inspect --format '{{.Config.Image}}' ucp-proxy"}) {
                    long t = System.nanoTime();
                    SshClientForTests.Result r = ssh.run("mke-manager-1", c);
                    System.out.println("$ " + c + " -> " + r.exit() + " in " + (System.nanoTime() - t) / 1_000_000 + " ms\n" + r.out() + r.err());
                }
                System.out.println(ssh.run("mke-worker-1", "docker node ls"));
            }
            System.out.println(lab.ucpUrl() + " answering=" + lab.ucpAnswering());
            System.out.println(java.nio.file.Files.readString(lab.inventory()));
        }
    }
}
