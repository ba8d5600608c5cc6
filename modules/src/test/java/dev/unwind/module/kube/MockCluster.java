package dev.unwind.module.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * fabric8's CRUD mock as a test cluster: a kubeconfig file that points at it (what the modules are given), and
 * a snapshot of the kinds a test touches, trimmed of what the server owns, to compare before and after an undo.
 */
final class MockCluster {
    static final List<ResourceDefinitionContext> WATCHED = List.of(
            context("", "v1", "ConfigMap", "configmaps", true),
            context("", "v1", "Namespace", "namespaces", false),
            context("apps", "v1", "Deployment", "deployments", true),
            context("dex.coreos.com", "v1", "Password", "passwords", true));

    private MockCluster() {
    }

    /** The mock server logs every request at INFO; keep test output for failures. */
    static java.util.logging.Logger quietMockServer() {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
        l.setLevel(java.util.logging.Level.WARNING);
        return l;
    }

    static Path kubeconfig(KubernetesClient client, Path dir) throws IOException {
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                    insecure-skip-tls-verify: true
                users:
                - name: admin
                  user:
                    token: mock-token
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: admin
                current-context: mock
                """.formatted(client.getConfiguration().getMasterUrl()));
        return file;
    }

    /** Every object of the watched kinds, by kind/namespace/name, trimmed of server-owned fields. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> snapshot(KubernetesClient client) {
        Map<String, Object> all = new TreeMap<>();
        for (ResourceDefinitionContext kind : WATCHED) {
            var op = client.genericKubernetesResources(kind);
            for (GenericKubernetesResource r : (kind.isNamespaceScoped() ? op.inAnyNamespace().list() : op.list()).getItems()) {
                Map<String, Object> m = client.getKubernetesSerialization().convertValue(r, Map.class);
                all.put(kind.getKind() + " " + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName(), Manifests.trimmed(m));
            }
        }
        return all;
    }

    private static ResourceDefinitionContext context(String group, String version, String kind, String plural, boolean namespaced) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(namespaced).build();
    }
}
