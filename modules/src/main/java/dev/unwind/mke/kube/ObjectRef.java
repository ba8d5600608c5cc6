package dev.unwind.mke.kube;

import java.util.LinkedHashMap;
import java.util.Map;

/** Names one object: its type (group, version, kind, plural) and its namespace (null when cluster-scoped) and name. */
public record ObjectRef(String group, String version, String kind, String plural, String namespace, String name) {

    public static ObjectRef clusterRole(String name) {
        return new ObjectRef("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", null, name);
    }

    public static ObjectRef clusterRoleBinding(String name) {
        return new ObjectRef("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", null, name);
    }

    public static ObjectRef roleBinding(String namespace, String name) {
        return new ObjectRef("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", namespace, name);
    }

    public static ObjectRef dexPassword(String namespace, String name) {
        return new ObjectRef("dex.coreos.com", "v1", "Password", "passwords", namespace, name);
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public boolean namespaced() {
        return namespace != null;
    }

    /** As a plain map, for an undo's arguments. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", group);
        m.put("version", version);
        m.put("kind", kind);
        m.put("plural", plural);
        if (namespace != null) {
            m.put("namespace", namespace);
        }
        m.put("name", name);
        return m;
    }

    public static ObjectRef fromMap(Map<?, ?> m) {
        Object ns = m.get("namespace");
        return new ObjectRef(String.valueOf(m.get("group")), String.valueOf(m.get("version")), String.valueOf(m.get("kind")),
                String.valueOf(m.get("plural")), ns == null ? null : String.valueOf(ns), String.valueOf(m.get("name")));
    }

    /** A manifest's skeleton for this object. */
    public Map<String, Object> skeleton() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", name);
        if (namespace != null) {
            meta.put("namespace", namespace);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", apiVersion());
        m.put("kind", kind);
        m.put("metadata", meta);
        return m;
    }

    @Override
    public String toString() {
        return kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }
}
