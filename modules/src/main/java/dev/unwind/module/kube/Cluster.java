package dev.unwind.module.kube;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way kube modules reach a cluster. Objects are plain mappings (as a manifest reads); the methods are
 * the plain REST verbs every API server answers, including fabric8's CRUD mock.
 */
public interface Cluster extends AutoCloseable {

    /** Whether objects of this kind live in a namespace. */
    boolean namespaced(String apiVersion, String kind);

    Optional<Map<String, Object>> read(ObjectRef ref);

    /**
     * Objects of a kind; {@code namespace} null means all namespaces; {@code labelSelector} as kubectl takes
     * it ({@code app=web,tier!=db}) or null.
     */
    List<Map<String, Object>> list(String apiVersion, String kind, String namespace, String labelSelector);

    Map<String, Object> create(Map<String, Object> manifest);

    /** Replaces the object whole (PUT); fails if it changed since {@code resourceVersion} was read. */
    Map<String, Object> replace(Map<String, Object> manifest, String resourceVersion);

    /** Deletes the object; false if it was not there. */
    boolean delete(ObjectRef ref);

    @Override
    void close();
}
