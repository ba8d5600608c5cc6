package dev.unwind.mke.kube;

import java.util.Map;
import java.util.Optional;

/** The few writes the MKE modules make to the new cluster. Manifests are plain maps, as in YAML. */
public interface ClusterObjects {

    Optional<Map<String, Object>> get(ObjectRef ref);

    void create(ObjectRef ref, Map<String, Object> manifest);

    /** Replaces the object's content (keeping its resourceVersion for optimistic locking). */
    void replace(ObjectRef ref, Map<String, Object> manifest);

    /** True when the object existed. */
    boolean delete(ObjectRef ref);
}
