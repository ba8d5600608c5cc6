package dev.unwind.lab.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * fabric8's mock API server (CRUD, HTTPS on 127.0.0.1) as the MKE 4k cluster's API. It knows no custom resource up
 * front: as on a fresh k0s cluster, a kind such as MkeConfig is served only once the upgrade has created its CRD.
 */
public final class KubeApi implements AutoCloseable {
    /** The kinds a snapshot records: what the upgrade creates (and its undo deletes). */
    private static final List<ResourceDefinitionContext> RECORDED = List.of(
            context("", "v1", "Node", "nodes", false),
            context("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false),
            context("", "v1", "Namespace", "namespaces", false),
            context("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false),
            context("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false),
            context("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true),
            context("dex.coreos.com", "v1", "Password", "passwords", true),
            context("mke.mirantis.com", "v1alpha1", "MkeConfig", "mkeconfigs", true));

    /** Held so that the level stays: the mock logs every request at INFO. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private final KubernetesMockServer server;
    private List<RunningK0s> lastRunning = List.of();
    private final KubernetesClient client;
    private final String url;

    private KubeApi(KubernetesMockServer server) {
        this.server = server;
        this.client = server.createClient();
        this.url = client.getConfiguration().getMasterUrl();
    }

    public static KubeApi start() throws IOException {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new CrdServingDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        return new KubeApi(server);
    }

    /** {@code https://127.0.0.1:PORT/} */
    public String url() {
        return url;
    }

    /** A client of the API (the lab's own; close nothing). */
    public KubernetesClient client() {
        return client;
    }

    /** An admin kubeconfig for this API (the mock accepts any token; its certificate is self-signed). */
    public String adminKubeconfig() {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mke
                  cluster:
                    server: %s
                    insecure-skip-tls-verify: true
                users:
                - name: admin
                  user:
                    token: unwind-lab-admin
                contexts:
                - name: mke
                  context:
                    cluster: mke
                    user: admin
                current-context: mke
                """.formatted(url.replaceAll("/$", ""));
    }

    public void writeAdminKubeconfig(Path file) throws IOException {
        Files.writeString(file, adminKubeconfig());
    }

    /**
     * Makes the Nodes match the k0s nodes that run: each one Ready, with its address and roles; a Node
     * whose k0s stopped goes away.
     */
    public synchronized void reconcile(List<RunningK0s> running) {
        if (running.equals(lastRunning)) {
            return;
        }
        boolean controllerUp = running.stream().anyMatch(RunningK0s::controller);
        Map<String, RunningK0s> wanted = controllerUp
                ? running.stream().filter(RunningK0s::workloads).collect(Collectors.toMap(RunningK0s::name, r -> r))
                : Map.of();
        Set<String> present = client.nodes().list().getItems().stream().map(n -> n.getMetadata().getName())
                .collect(Collectors.toSet());
        for (String name : present) {
            if (!wanted.containsKey(name)) {
                client.nodes().withName(name).delete();
            }
        }
        for (RunningK0s r : wanted.values()) {
            if (!present.contains(r.name())) {
                client.nodes().resource(node(r)).create();
            }
        }
        lastRunning = List.copyOf(running);
    }

    private static Node node(RunningK0s r) {
        Map<String, String> labels = new TreeMap<>(Map.of("kubernetes.io/hostname", r.name(), "kubernetes.io/os", "linux",
                "kubernetes.io/arch", "amd64"));
        if (r.controller()) {
            labels.put("node-role.kubernetes.io/control-plane", "true");
        }
        return new NodeBuilder().withNewMetadata().withName(r.name()).withLabels(labels).endMetadata()
                .withNewStatus()
                .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                .withMessage("kubelet is posting ready status").endCondition()
                .addNewAddress().withType("InternalIP").withAddress(r.address()).endAddress()
                .addNewAddress().withType("Hostname").withAddress(r.name()).endAddress()
                .withNewNodeInfo().withKubeletVersion("v1.32.6+k0s").withOperatingSystem("linux").withArchitecture("amd64")
                .endNodeInfo()
                .endStatus().build();
    }

    /** Every recorded object as {@code kind/namespace/name} -> its spec-like content (metadata noise removed). */
    public Map<String, String> objects() {
        Map<String, String> out = new TreeMap<>();
        for (ResourceDefinitionContext ctx : RECORDED) {
            List<GenericKubernetesResource> items;
            try {
                items = ctx.isNamespaceScoped() ? client.genericKubernetesResources(ctx).inAnyNamespace().list().getItems()
                        : client.genericKubernetesResources(ctx).list().getItems();
            } catch (RuntimeException e) {
                if (e instanceof KubernetesClientException k && k.getCode() == 404) {
                    continue; // no CRD serves the kind: none of it exists
                }
                out.put(ctx.getKind() + "/?", "cannot list: " + e.getMessage());
                continue;
            }
            for (GenericKubernetesResource item : items) {
                String ns = item.getMetadata().getNamespace();
                out.put(ctx.getKind() + "/" + (ns == null ? "" : ns + "/") + item.getMetadata().getName(), describe(item));
            }
        }
        return out;
    }

    private static String describe(HasMetadata item) {
        Map<String, Object> props = new TreeMap<>(((GenericKubernetesResource) item).getAdditionalProperties());
        props.remove("status");
        Map<String, String> labels = item.getMetadata().getLabels();
        return "labels=" + (labels == null ? "{}" : new TreeMap<>(labels)) + " " + props;
    }

    private static ResourceDefinitionContext context(String group, String version, String kind, String plural, boolean namespaced) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind).withPlural(plural)
                .withNamespaced(namespaced).build();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }

    /** A node whose k0s runs, as its status file says. */
    public record RunningK0s(String name, String address, boolean controller, boolean workloads) {
    }
}
