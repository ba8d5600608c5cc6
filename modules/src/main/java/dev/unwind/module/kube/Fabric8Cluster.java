package dev.unwind.module.kube;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Cluster} over fabric8's generic resources. A kind is resolved from fabric8's own model (built-in kinds),
 * then from the server's discovery (custom resources on a real API server), and last by the Kubernetes naming
 * rule (plural of the lower-cased kind; namespaced when the manifest names a namespace) — how custom resources are
 * found on a server without discovery (fabric8's CRUD mock serves it only for the CRDs it knows).
 */
public final class Fabric8Cluster implements Cluster {
    private final KubernetesClient client;
    private final Map<String, ResourceDefinitionContext> kinds = new HashMap<>();

    private Fabric8Cluster(KubernetesClient client) {
        this.client = client;
    }

    /** A cluster from a kubeconfig file (null: $KUBECONFIG or ~/.kube/config) and a context (null: its current one). */
    public static Fabric8Cluster connect(Path kubeconfig, String context) throws IOException {
        Config config = kubeconfig == null ? Config.autoConfigure(context)
                : Config.fromKubeconfig(context, Files.readString(kubeconfig, StandardCharsets.UTF_8), kubeconfig.toString());
        // one retry, not fabric8's ten with backoff (~20 s on a refused connection): kube_wait polls on its own
        config.setRequestRetryBackoffLimit(1);
        return new Fabric8Cluster(new KubernetesClientBuilder().withConfig(config).build());
    }

    @Override
    public boolean namespaced(String apiVersion, String kind) {
        return definition(apiVersion, kind, null).isNamespaceScoped();
    }

    @Override
    public Optional<Map<String, Object>> read(ObjectRef ref) {
        return Optional.ofNullable(one(ref).get()).map(this::toMap);
    }

    @Override
    public List<Map<String, Object>> list(String apiVersion, String kind, String namespace, String labelSelector) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op =
                client.genericKubernetesResources(definition(apiVersion, kind, namespace));
        NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> scoped =
                namespace == null ? null : op.inNamespace(namespace);
        GenericKubernetesResourceList items;
        if (scoped != null) {
            items = labelSelector == null ? scoped.list() : scoped.withLabelSelector(labelSelector).list();
        } else {
            items = labelSelector == null ? op.inAnyNamespace().list() : op.inAnyNamespace().withLabelSelector(labelSelector).list();
        }
        return items.getItems().stream().map(this::toMap).toList();
    }

    @Override
    public Map<String, Object> create(Map<String, Object> manifest) {
        ObjectRef ref = ObjectRef.of(manifest);
        try {
            return toMap(kind(ref).resource(toResource(manifest)).create());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404 && kinds.get(ref.apiVersion() + "/" + ref.kind()) == null) {
                // neither fabric8's model nor discovery knows the kind, and the server serves no such path: say it as kubectl does
                throw new KubernetesClientException("no matches for kind \"" + ref.kind() + "\" in version \"" + ref.apiVersion()
                        + "\": ensure CRDs are installed first", e.getCode(), e.getStatus());
            }
            throw e;
        }
    }

    @Override
    public Map<String, Object> replace(Map<String, Object> manifest, String resourceVersion) {
        GenericKubernetesResource r = toResource(manifest);
        r.getMetadata().setResourceVersion(resourceVersion);
        return toMap(kind(ObjectRef.of(manifest)).resource(r).update());
    }

    @Override
    public boolean delete(ObjectRef ref) {
        return !one(ref).delete().isEmpty();
    }

    @Override
    public void close() {
        client.close();
    }

    private Resource<GenericKubernetesResource> one(ObjectRef ref) {
        return kind(ref).withName(ref.name());
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> kind(ObjectRef ref) {
        var op = client.genericKubernetesResources(definition(ref.apiVersion(), ref.kind(), ref.namespace()));
        return ref.namespace() == null ? op : op.inNamespace(ref.namespace());
    }

    private ResourceDefinitionContext definition(String apiVersion, String kind, String namespace) {
        ResourceDefinitionContext known = kinds.computeIfAbsent(apiVersion + "/" + kind, k -> lookUp(apiVersion, kind));
        return known != null ? known : byNamingRule(apiVersion, kind, namespace);
    }

    /** The kind from fabric8's model or the server's discovery; null when neither knows it. */
    private ResourceDefinitionContext lookUp(String apiVersion, String kind) {
        Class<? extends KubernetesResource> known = client.getKubernetesSerialization().getRegisteredKubernetesResource(apiVersion, kind);
        if (known != null && known != GenericKubernetesResource.class) {
            return ResourceDefinitionContext.fromResourceType(known);
        }
        try {
            APIResourceList served = client.getApiResources(apiVersion);
            if (served != null) {
                for (APIResource r : served.getResources()) {
                    if (kind.equals(r.getKind()) && !r.getName().contains("/")) {
                        return ResourceDefinitionContext.fromApiResource(apiVersion, r);
                    }
                }
            }
        } catch (KubernetesClientException e) {
            // no discovery (the CRUD mock): the naming rule decides, per call
        }
        return null;
    }

    private static ResourceDefinitionContext byNamingRule(String apiVersion, String kind, String namespace) {
        int slash = apiVersion.indexOf('/');
        return new ResourceDefinitionContext.Builder()
                .withGroup(slash < 0 ? "" : apiVersion.substring(0, slash))
                .withVersion(apiVersion.substring(slash + 1))
                .withKind(kind)
                .withPlural(plural(kind.toLowerCase(Locale.ROOT)))
                .withNamespaced(namespace != null)
                .build();
    }

    static String plural(String lower) {
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("ch") || lower.endsWith("sh")) {
            return lower + "es";
        }
        if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return lower.substring(0, lower.length() - 1) + "ies";
        }
        return lower + "s";
    }

    private GenericKubernetesResource toResource(Map<String, Object> manifest) {
        return client.getKubernetesSerialization().convertValue(manifest, GenericKubernetesResource.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(Object resource) {
        return resource == null ? null : client.getKubernetesSerialization().convertValue(resource, Map.class);
    }
}
