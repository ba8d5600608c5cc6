package dev.unwind.mke.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link ClusterObjects} over the fabric8 client, with every type addressed generically. */
public final class Fabric8ClusterObjects implements ClusterObjects, AutoCloseable {
    private final KubernetesClient client;

    public Fabric8ClusterObjects(KubernetesClient client) {
        this.client = client;
    }

    /** A client for the cluster a kubeconfig (its text) points at. */
    public static Fabric8ClusterObjects fromKubeconfig(String kubeconfig) {
        return new Fabric8ClusterObjects(new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build());
    }

    private Resource<GenericKubernetesResource> resource(ObjectRef ref) {
        return ref.namespaced() ? op(ref).inNamespace(ref.namespace()).withName(ref.name()) : op(ref).withName(ref.name());
    }

    /** The object given, bound to its type and namespace, ready for create or update. */
    private Resource<GenericKubernetesResource> resource(ObjectRef ref, GenericKubernetesResource object) {
        return ref.namespaced() ? op(ref).inNamespace(ref.namespace()).resource(object) : op(ref).resource(object);
    }

    private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op(
            ObjectRef ref) {
        ResourceDefinitionContext ctx = new ResourceDefinitionContext.Builder().withGroup(ref.group())
                .withVersion(ref.version()).withKind(ref.kind()).withPlural(ref.plural())
                .withNamespaced(ref.namespaced()).build();
        return client.genericKubernetesResources(ctx);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> get(ObjectRef ref) {
        GenericKubernetesResource r = resource(ref).get();
        return r == null ? Optional.empty()
                : Optional.of(client.getKubernetesSerialization().convertValue(r, LinkedHashMap.class));
    }

    @Override
    public void create(ObjectRef ref, Map<String, Object> manifest) {
        resource(ref, toResource(manifest)).create();
    }

    @Override
    public void replace(ObjectRef ref, Map<String, Object> manifest) {
        GenericKubernetesResource existing = resource(ref).get();
        GenericKubernetesResource next = toResource(manifest);
        if (existing != null) {
            next.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
        }
        resource(ref, next).update();
    }

    @Override
    public boolean delete(ObjectRef ref) {
        return !resource(ref).delete().isEmpty();
    }

    private GenericKubernetesResource toResource(Map<String, Object> manifest) {
        return client.getKubernetesSerialization().convertValue(manifest, GenericKubernetesResource.class);
    }

    @Override
    public void close() {
        client.close();
    }
}
