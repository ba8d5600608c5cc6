package dev.unwind.mke.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreflightTest {
    private static final NodeState M1 = new NodeState("m1", "manager", true, Map.of(6443, "kube-apiserver", 10250, "kubelet"), List.of());
    private static final NodeState W1 = new NodeState("w1", "worker", true, Map.of(10250, "kubelet"), List.of());

    private static Map<String, Object> config(Object... kv) {
        Map<String, Object> cc = new HashMap<>(Map.of("calico_kdd", true, "kube_proxy_mode", "iptables"));
        for (int i = 0; i < kv.length; i += 2) {
            cc.put((String) kv[i], kv[i + 1]);
        }
        return Map.of("cluster_config", cc);
    }

    private static PreflightFacts healthy() {
        return new PreflightFacts("3.8.5", config(), List.of(M1, W1), null, false);
    }

    private static CheckResult check(PreflightFacts f, String name) {
        return Preflight.run(f).stream().filter(c -> c.check().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aHealthySupportedClusterPassesEveryCheck() {
        List<CheckResult> results = Preflight.run(healthy());
        assertThat(results).extracting(CheckResult::check).containsExactly("mke_version", "calico_kdd", "calico_ebpf",
                "kube_proxy_mode", "unmanaged_cni", "manager_count", "nodes_ready", "stale_kubeconfig", "ports_free",
                "ports_reachable");
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
        assertThat(Preflight.allPassed(results)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"3.7.15,true", "3.7.20,true", "3.8.0,true", "3.8.5,true", "3.7.14,false", "3.6.9,false", "3.9.0,false",
            "4.0.0,false", "3.8.5-rc1,true", "latest,false"})
    void theVersionMustBe3715OrLater37OrAny38(String version, boolean passes) {
        CheckResult r = check(new PreflightFacts(version, config(), List.of(M1), null, false), "mke_version");
        assertThat(r.passed()).isEqualTo(passes);
        if (!passes) {
            assertThat(r.reason()).contains(version.equals("latest") ? "could not be read" : "3.7.15 or a later 3.7.x, or any 3.8.x");
            assertThat(r.fix()).isNotBlank();
        }
    }

    @Test
    void anEtcdBackedCalicoFailsWithTheIrreversibleWarning() {
        CheckResult r = check(new PreflightFacts("3.8.5", config("calico_kdd", false), List.of(M1), null, false), "calico_kdd");
        assertThat(r.passed()).isFalse();
        assertThat(r.reason()).isEqualTo("the cluster uses the etcd backend for Calico");
        assertThat(r.fix()).startsWith("set calico_kdd = true and apply the configuration first").endsWith("this switch is irreversible");
        assertThat(check(new PreflightFacts("3.8.5", Map.of("cluster_config", Map.of()), List.of(M1), null, false),
                "calico_kdd").passed()).isFalse();
    }

    @Test
    void theEbpfDataplaneFails() {
        assertThat(check(new PreflightFacts("3.8.5", config("calico_ebpf_enabled", true), List.of(M1), null, false),
                "calico_ebpf").passed()).isFalse();
    }

    @Test
    void ipvsKubeProxyFails() {
        CheckResult r = check(new PreflightFacts("3.8.5", config("kube_proxy_mode", "ipvs"), List.of(M1), null, false),
                "kube_proxy_mode");
        assertThat(r.passed()).isFalse();
        assertThat(r.reason()).contains("ipvs");
    }

    @Test
    void anUnmanagedCniFailsUnlessAllowed() {
        assertThat(check(new PreflightFacts("3.8.5", config("unmanaged_cni", true), List.of(M1), null, false),
                "unmanaged_cni").passed()).isFalse();
        assertThat(check(new PreflightFacts("3.8.5", config("unmanaged_cni", true), List.of(M1), null, true),
                "unmanaged_cni").passed()).isTrue();
    }

    @Test
    void anEvenNumberOfManagersFails() {
        NodeState m2 = new NodeState("m2", "manager", true, Map.of(), List.of());
        CheckResult r = check(new PreflightFacts("3.8.5", config(), List.of(M1, m2, W1), null, false), "manager_count");
        assertThat(r.passed()).isFalse();
        assertThat(r.reason()).startsWith("2 managers");
    }

    @Test
    void aNodeNotReadyFailsAndIsNamed() {
        NodeState down = new NodeState("w2", "worker", false, Map.of(), List.of());
        CheckResult r = check(new PreflightFacts("3.8.5", config(), List.of(M1, W1, down), null, false), "nodes_ready");
        assertThat(r.passed()).isFalse();
        assertThat(r.reason()).isEqualTo("not Ready: w2");
    }

    @Test
    void aStaleKubeconfigFailsWithTheCommandToMoveItAway() {
        CheckResult r = check(new PreflightFacts("3.8.5", config(), List.of(M1), "/root/.mke/mke.kubeconf", false),
                "stale_kubeconfig");
        assertThat(r.passed()).isFalse();
        assertThat(r.fix()).isEqualTo("move it away: mv /root/.mke/mke.kubeconf /root/.mke/mke.kubeconf.bak");
    }

    @Test
    void aK0sPortHeldByAForeignProcessFailsButMke3sOwnDoNot() {
        NodeState busy = new NodeState("w1", "worker", true, Map.of(80, "nginx", 9443, "java", 10250, "kubelet", 8080, "x"),
                List.of());
        CheckResult r = check(new PreflightFacts("3.8.5", config(), List.of(M1, busy), null, false), "ports_free");
        assertThat(r.passed()).isFalse();
        assertThat(r.reason()).contains("w1: 9443 (java), 80 (nginx)").doesNotContain("kubelet").doesNotContain("8080");
    }

    @Test
    void anUnreachablePortFails() {
        NodeState cut = new NodeState("w1", "worker", true, Map.of(), List.of("10.0.0.1:9443"));
        CheckResult r = check(new PreflightFacts("3.8.5", config(), List.of(M1, cut), null, false), "ports_reachable");
        assertThat(r.passed()).isFalse();
        assertThat(r.reason()).isEqualTo("unreachable: w1 -> 10.0.0.1:9443");
    }
}
