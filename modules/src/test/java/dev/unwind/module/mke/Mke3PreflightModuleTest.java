package dev.unwind.module.mke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unwind.module.Args;
import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mke3PreflightModuleTest {
    @TempDir
    Path dir;

    private final Mke3PreflightModule module = new Mke3PreflightModule();

    private Outcome run(Map<String, Object> facts, Path kubeconfig) {
        return module.run(new Args(module.spec(), Map.of("facts", facts, "kubeconfig", kubeconfig.toString())),
                TestContext.in(dir));
    }

    private static Map<String, Object> facts(String version) {
        return Map.of("version", version,
                "config", Map.of("cluster_config", Map.of("calico_kdd", true, "kube_proxy_mode", "iptables")),
                "nodes", List.of(Map.of("name", "m1", "role", "manager", "ready", true, "listeners", Map.of("6443", "kube-apiserver")),
                        Map.of("name", "w1", "role", "worker", "ready", true)));
    }

    @Test
    void passesOnAHealthyClusterAndReturnsEveryCheck() {
        Outcome o = run(facts("3.8.5"), dir.resolve("mke.kubeconf"));
        assertThat(o.status()).isEqualTo(Status.OK);
        assertThat((List<?>) o.result().get("checks")).hasSize(10);
    }

    @Test
    void failsOnAnOldVersionAndAStaleKubeconfigNamingEachFix() throws Exception {
        Path kc = Files.writeString(dir.resolve("mke.kubeconf"), "");
        Outcome o = run(facts("3.7.14"), kc);
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.msg()).contains("mke_version: MKE 3.7.14 cannot be upgraded").contains("stale_kubeconfig")
                .contains("fix: move it away: mv " + kc);
        assertThat(o.result()).containsEntry("passed", false);
    }
}
