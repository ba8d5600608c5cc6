package dev.unwind.module.kube;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Manifests as plain mappings: read from a task's definition or a rendered template, compared, and trimmed. */
final class Manifests {
    /** Fields the server owns: never part of what a task wants, nor of what an undo restores. */
    private static final Set<String> SERVER_METADATA = Set.of("resourceVersion", "uid", "creationTimestamp", "generation",
            "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");

    private Manifests() {
    }

    /** A mapping, a list of mappings, or YAML text with one or more documents. */
    static List<Map<String, Object>> read(Object definition, String from) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (definition instanceof String text) {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            for (Object doc : yaml.loadAll(text)) {
                if (doc != null) {
                    add(out, doc, from);
                }
            }
        } else {
            add(out, definition, from);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(from + " holds no manifest");
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void add(List<Map<String, Object>> out, Object doc, String from) {
        if (doc instanceof List<?> items) {
            for (Object item : items) {
                add(out, item, from);
            }
        } else if (doc instanceof Map<?, ?> m) {
            if ("List".equals(m.get("kind")) && m.get("items") instanceof List<?> items) {
                add(out, items, from);
                return;
            }
            Map<String, Object> manifest = (Map<String, Object>) deepCopy(m);
            ObjectRef ref = ObjectRef.of(manifest);
            if (ref.apiVersion() == null || ref.kind() == null || ref.name() == null) {
                throw new IllegalArgumentException("a manifest in " + from + " lacks apiVersion, kind or metadata.name: " + manifest);
            }
            out.add(manifest);
        } else {
            throw new IllegalArgumentException(from + " must hold manifests (mappings), found " + doc);
        }
    }

    /** The object without its status and the metadata the server owns: what an undo puts back. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> trimmed(Map<String, Object> object) {
        Map<String, Object> copy = (Map<String, Object>) deepCopy(object);
        copy.remove("status");
        if (copy.get("metadata") instanceof Map<?, ?> meta) {
            ((Map<String, Object>) meta).keySet().removeAll(SERVER_METADATA);
        }
        return copy;
    }

    /** Whether {@code actual} has every field {@code wanted} sets, to the same value (fields the server added are fine). */
    static boolean satisfies(Object actual, Object wanted) {
        if (wanted instanceof Map<?, ?> w) {
            if (!(actual instanceof Map<?, ?> a)) {
                return false;
            }
            return w.entrySet().stream().allMatch(e -> satisfies(a.get(e.getKey()), e.getValue()));
        }
        if (wanted instanceof List<?> w) {
            if (!(actual instanceof List<?> a) || a.size() != w.size()) {
                return false;
            }
            for (int i = 0; i < w.size(); i++) {
                if (!satisfies(a.get(i), w.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (wanted instanceof Number wn && actual instanceof Number an) {
            return wn.doubleValue() == an.doubleValue();
        }
        return Objects.equals(wanted == null ? null : wanted.toString(), actual == null ? null : actual.toString());
    }

    static Object deepCopy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (o instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(x -> copy.add(deepCopy(x)));
            return copy;
        }
        return o;
    }
}
