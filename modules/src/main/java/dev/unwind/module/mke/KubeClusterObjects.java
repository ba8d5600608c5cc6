package dev.unwind.module.mke;

import dev.unwind.mke.kube.ClusterObjects;
import dev.unwind.mke.kube.ObjectRef;
import dev.unwind.module.kube.Cluster;
import java.util.Map;
import java.util.Optional;

/** The MKE modules' cluster writes, made through the {@code kube} modules' {@link Cluster}. */
final class KubeClusterObjects implements ClusterObjects {
    private final Cluster cluster;

    KubeClusterObjects(Cluster cluster) {
        this.cluster = cluster;
    }

    private static dev.unwind.module.kube.ObjectRef kubeRef(ObjectRef ref) {
        return new dev.unwind.module.kube.ObjectRef(ref.apiVersion(), ref.kind(), ref.namespace(), ref.name());
    }

    @Override
    public Optional<Map<String, Object>> get(ObjectRef ref) {
        return cluster.read(kubeRef(ref));
    }

    @Override
    public void create(ObjectRef ref, Map<String, Object> manifest) {
        cluster.create(manifest);
    }

    @Override
    public void replace(ObjectRef ref, Map<String, Object> manifest) {
        Object meta = cluster.read(kubeRef(ref)).map(m -> m.get("metadata")).orElse(null);
        Object version = meta instanceof Map<?, ?> m ? m.get("resourceVersion") : null;
        cluster.replace(manifest, version == null ? null : String.valueOf(version));
    }

    @Override
    public boolean delete(ObjectRef ref) {
        return cluster.delete(kubeRef(ref));
    }
}
