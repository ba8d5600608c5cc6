package dev.unwind.mke.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The pre-upgrade checks, in the order they are reported. */
public final class Preflight {
    public static final String SUPPORTED_RANGE = "3.7.15 or a later 3.7.x, or any 3.8.x";
    /** k0s ports, and 80 for MKE 4k's network check during the upgrade. */
    public static final List<Integer> K0S_PORTS = List.of(6443, 9443, 8132, 10250, 2380, 80);
    /** Processes of MKE 3 itself: stopped by the upgrade before k0s starts, so their ports count as free. */
    static final Set<String> MKE3_PROCESSES = Set.of("kube-apiserver", "kubelet", "etcd", "kube-proxy",
            "kube-controller-manager", "kube-scheduler", "calico-node", "ucp-agent", "ucp-controller", "ucp-proxy");

    private Preflight() {
    }

    public static List<CheckResult> run(PreflightFacts facts) {
        List<CheckResult> out = new ArrayList<>();
        out.add(version(facts));
        out.add(calicoKdd(facts));
        out.add(calicoEbpf(facts));
        out.add(kubeProxyMode(facts));
        out.add(unmanagedCni(facts));
        out.add(oddManagers(facts));
        out.add(nodesReady(facts));
        out.add(staleKubeconfig(facts));
        out.add(portsFree(facts));
        out.add(portsReachable(facts));
        return out;
    }

    public static boolean allPassed(List<CheckResult> results) {
        return results.stream().allMatch(CheckResult::passed);
    }

    static CheckResult version(PreflightFacts f) {
        MkeVersion v = MkeVersion.parse(f.mkeVersion());
        if (v == null) {
            return CheckResult.fail("mke_version", "the MKE version could not be read (found '" + f.mkeVersion() + "')",
                    "check that the ucp-proxy container runs on the managers; its image tag is the MKE version");
        }
        if (!v.upgradableToMke4k()) {
            return CheckResult.fail("mke_version", "MKE " + v + " cannot be upgraded to MKE 4k; supported: " + SUPPORTED_RANGE,
                    v.major() == 3 && v.minor() < 8 ? "upgrade MKE 3 to the latest 3.8.x (or 3.7.15+) first"
                            : "MKE " + v + " is not supported by this upgrade");
        }
        return CheckResult.pass("mke_version", "MKE " + v + " is in the supported range (" + SUPPORTED_RANGE + ")");
    }

    static CheckResult calicoKdd(PreflightFacts f) {
        if (Boolean.TRUE.equals(f.clusterSetting("calico_kdd"))) {
            return CheckResult.pass("calico_kdd", "Calico uses the Kubernetes datastore (calico_kdd = true)");
        }
        return CheckResult.fail("calico_kdd", "the cluster uses the etcd backend for Calico",
                "set calico_kdd = true and apply the configuration first (PUT /api/ucp/config-toml) — this switch is irreversible");
    }

    static CheckResult calicoEbpf(PreflightFacts f) {
        if (Boolean.TRUE.equals(f.clusterSetting("calico_ebpf_enabled"))) {
            return CheckResult.fail("calico_ebpf", "Calico runs the eBPF dataplane (calico_ebpf_enabled = true),"
                    + " which cannot be upgraded to MKE 4k", "switch Calico back to the iptables dataplane in MKE 3 first");
        }
        return CheckResult.pass("calico_ebpf", "Calico does not use the eBPF dataplane");
    }

    static CheckResult kubeProxyMode(PreflightFacts f) {
        Object mode = f.clusterSetting("kube_proxy_mode");
        if (mode == null || "iptables".equals(mode)) {
            return CheckResult.pass("kube_proxy_mode", "kube-proxy runs in iptables mode");
        }
        return CheckResult.fail("kube_proxy_mode", "kube-proxy runs in " + mode + " mode; only iptables can be upgraded",
                "set kube_proxy_mode = \"iptables\" in MKE 3 and apply the configuration first");
    }

    static CheckResult unmanagedCni(PreflightFacts f) {
        if (!Boolean.TRUE.equals(f.clusterSetting("unmanaged_cni"))) {
            return CheckResult.pass("unmanaged_cni", "MKE 3 manages the CNI (Calico)");
        }
        if (f.allowUnmanagedCni()) {
            return CheckResult.pass("unmanaged_cni", "the CNI is not managed by MKE 3; allowed by the operator");
        }
        return CheckResult.fail("unmanaged_cni", "the cluster uses a CNI that MKE 3 does not manage",
                "allow it explicitly (allow_unmanaged_cni) once you have a plan for the CNI under MKE 4k");
    }

    static CheckResult oddManagers(PreflightFacts f) {
        long managers = f.nodes().stream().filter(NodeState::manager).count();
        if (managers % 2 == 1) {
            return CheckResult.pass("manager_count", managers + " managers (an odd number)");
        }
        return CheckResult.fail("manager_count", managers + " managers: an even number of managers cannot keep etcd quorum"
                + " through the upgrade", "add or demote a manager so that the number is odd (1, 3 or 5)");
    }

    static CheckResult nodesReady(PreflightFacts f) {
        List<String> notReady = f.nodes().stream().filter(n -> !n.ready()).map(NodeState::name).toList();
        if (f.nodes().isEmpty()) {
            return CheckResult.fail("nodes_ready", "no nodes were found", "check the inventory");
        }
        if (notReady.isEmpty()) {
            return CheckResult.pass("nodes_ready", "all " + f.nodes().size() + " nodes are Ready");
        }
        return CheckResult.fail("nodes_ready", "not Ready: " + String.join(", ", notReady),
                "bring every node back to Ready (or remove it from the cluster) before upgrading");
    }

    static CheckResult staleKubeconfig(PreflightFacts f) {
        if (f.staleKubeconfig() == null) {
            return CheckResult.pass("stale_kubeconfig", "no earlier MKE 4k kubeconfig on the controller");
        }
        return CheckResult.fail("stale_kubeconfig", f.staleKubeconfig() + " exists (left by an earlier attempt?)"
                + " and would block writing the new admin kubeconfig",
                "move it away: mv " + f.staleKubeconfig() + " " + f.staleKubeconfig() + ".bak");
    }

    static CheckResult portsFree(PreflightFacts f) {
        Map<String, List<String>> busy = new TreeMap<>();
        for (NodeState n : f.nodes()) {
            for (int port : K0S_PORTS) {
                String owner = n.listeners().get(port);
                if (owner != null && !MKE3_PROCESSES.contains(owner)) {
                    busy.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(port + " (" + owner + ")");
                }
            }
        }
        if (busy.isEmpty()) {
            return CheckResult.pass("ports_free", "ports " + K0S_PORTS + " are free or held by MKE 3 on every node");
        }
        StringBuilder reason = new StringBuilder("ports k0s needs are held by other processes:");
        busy.forEach((node, ports) -> reason.append(' ').append(node).append(": ").append(String.join(", ", ports)).append(';'));
        return CheckResult.fail("ports_free", reason.substring(0, reason.length() - 1),
                "stop or move those services; k0s needs " + K0S_PORTS + " on every node");
    }

    static CheckResult portsReachable(PreflightFacts f) {
        List<String> problems = new ArrayList<>();
        for (NodeState n : f.nodes()) {
            n.unreachable().forEach(u -> problems.add(n.name() + " -> " + u));
        }
        if (problems.isEmpty()) {
            return CheckResult.pass("ports_reachable", "every node reaches the others on the k0s ports");
        }
        return CheckResult.fail("ports_reachable", "unreachable: " + String.join(", ", problems),
                "open " + K0S_PORTS + " between the nodes (firewall, security groups)");
    }
}
