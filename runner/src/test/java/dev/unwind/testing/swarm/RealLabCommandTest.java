package dev.unwind.testing.swarm;

import dev.unwind.cli.Cli;
import dev.unwind.lab.swarm.SwarmLab;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code unwind lab up --real} as a user runs it: the real-node lab comes up, the kubeconfig it prints lets kubectl
 * list MKE 3's seeded objects, {@code unwind lab seed} adds more, and {@code unwind lab down} removes every node.
 */
@Tag("swarm-lab")
class RealLabCommandTest {
    @TempDir
    Path home;

    @Test
    void labUpRealGivesAKubeconfigKubectlReadsAndLabDownRemovesEveryNode(@TempDir Path dir) throws Exception {
        assumeTrue(SwarmLab.dockerAvailable(), "a Docker engine (start dockerd as .ci/run does)");
        assumeTrue(run(List.of("sh", "-c", "command -v kubectl")).exit() == 0, "kubectl (.ci/run installs Debian's)");
        Cli cli = new Cli(home);
        CompletableFuture<Cli.Result> up = CompletableFuture.supplyAsync(() -> cli.run("lab", "up", "--real", "--nodes", "1+0"));
        Path pid = home.resolve("lab/lab.pid");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!Files.exists(pid)) {
            assertThat(up.isDone()).as(() -> "lab up ended: " + up.join()).isFalse();
            assertThat(System.nanoTime()).as("the lab is up within 5 minutes").isLessThan(deadline);
            Thread.sleep(500);
        }
        Path kubeconfig = home.resolve("lab/current/mke3.kubeconfig");

        assertThat(run(List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "get", "deployments,services", "-n", "shop", "-o", "name"))
                .out()).contains("deployment.apps/shop-web", "service/shop-web");
        Path seed = Files.writeString(dir.resolve("seed.yaml"), """
                apiVersion: v1
                kind: Namespace
                metadata: {name: rehearsal}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: rehearsal}
                data: {mode: blue}
                """);
        Cli.Result seeded = cli.run("lab", "seed", seed.toString());
        assertThat(seeded.exitCode()).as(seeded.toString()).isZero();
        assertThat(seeded.out()).contains("applied Namespace rehearsal", "applied ConfigMap rehearsal/settings");
        assertThat(run(List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "get", "configmap", "settings", "-n", "rehearsal",
                "-o", "jsonpath={.data.mode}")).out()).isEqualTo("blue");

        Cli.Result down = cli.run("lab", "down");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        Cli.Result r = up.get(2, TimeUnit.MINUTES);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("unwind lab (real nodes) is up", "inventory", "password", "MKE 3's Kubernetes", "unwind lab: down");
        assertThat(run(List.of("docker", "ps", "-aq", "--filter", "label=dev.unwind.lab=swarm-node")).out()).isBlank();
    }

    private record Ran(int exit, String out) {
    }

    private static Ran run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Ran(p.exitValue(), out);
    }
}
