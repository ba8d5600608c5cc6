package dev.unwind.module.kube;

import java.util.Map;

/** Names one Kubernetes object; {@code namespace} is null for cluster-scoped kinds. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    /** The reference of a manifest (a mapping with apiVersion, kind and metadata.name). */
    static ObjectRef of(Map<String, Object> manifest) {
        Map<?, ?> meta = manifest.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        Object ns = meta.get("namespace");
        return new ObjectRef(str(manifest.get("apiVersion")), str(manifest.get("kind")), ns == null ? null : ns.toString(),
                str(meta.get("name")));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    ObjectRef inNamespace(String ns) {
        return new ObjectRef(apiVersion, kind, ns, name);
    }

    @Override
    public String toString() {
        return apiVersion + " " + kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }
}
