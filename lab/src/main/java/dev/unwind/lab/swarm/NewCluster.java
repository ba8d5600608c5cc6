package dev.unwind.lab.swarm;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.util.List;
import java.util.Optional;

/**
 * The MKE 4k cluster of a {@link SwarmLab}: whatever the k0s stand-in runs on the managers (real etcd and
 * kube-apiserver), reached as its admin reaches it, with the kubeconfig {@code k0s kubeconfig admin} prints on the
 * leader. There is no such cluster before an upgrade installs k0s, nor after a rollback resets it: then it holds no
 * Nodes.
 */
public final class NewCluster {
    private final SwarmLab lab;

    NewCluster(SwarmLab lab) {
        this.lab = lab;
    }

    /** The admin kubeconfig of the leader's k0s, when a k0s controller runs there and answers. */
    public Optional<String> adminKubeconfig() {
        LabNode.Exec r = lab.leader().exec("k0s kubeconfig admin 2>/dev/null");
        return r.ok() && r.stdout().contains("client-certificate-data") ? Optional.of(r.stdout()) : Optional.empty();
    }

    /** A client of the cluster as its admin; empty when there is no cluster. Close it. */
    public Optional<KubernetesClient> client() {
        return adminKubeconfig().map(kc -> new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kc)).build());
    }

    /** The names of the Nodes the cluster holds now (none when there is no cluster). */
    public List<String> nodeNames() {
        return nodes().stream().map(n -> n.getMetadata().getName()).sorted().toList();
    }

    /** The Nodes whose Ready condition is True. */
    public List<String> readyNodeNames() {
        return nodes().stream().filter(NewCluster::ready).map(n -> n.getMetadata().getName()).sorted().toList();
    }

    private List<Node> nodes() {
        return client().map(c -> {
            try (c) {
                return c.nodes().list().getItems();
            }
        }).orElse(List.of());
    }

    private static boolean ready(Node n) {
        return n.getStatus() != null && n.getStatus().getConditions() != null && n.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
