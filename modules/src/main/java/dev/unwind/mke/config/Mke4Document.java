package dev.unwind.mke.config;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * An MKE 4k configuration being built: MKE 4k's defaults with converted settings laid over them.
 * Keys are dotted paths under the document root; a segment {@code providers[calico]} selects the list
 * element whose {@code provider} or {@code name} is {@code calico}.
 */
public final class Mke4Document {
    private final Map<String, Object> root;

    private Mke4Document(Map<String, Object> root) {
        this.root = root;
    }

    public static Mke4Document defaults() {
        try (InputStream in = Mke4Document.class.getResourceAsStream("mke4-defaults.yaml")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new Mke4Document(mutableCopy(m));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the MKE 4k defaults are missing from the jar", e);
        }
    }

    public void put(String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            at = child(at, parts[i]);
        }
        at.put(parts[parts.length - 1], value);
    }

    public Object get(String path) {
        Object at = root;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Map<?, ?>)) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) at;
            at = part.endsWith("]") ? select(m, part, false) : m.get(part);
        }
        return at;
    }

    /** Adds entries to a map at this path, creating it when absent. */
    public void merge(String path, Map<String, ?> entries) {
        Object existing = get(path);
        Map<String, Object> m = existing instanceof Map<?, ?> ? castMap(existing) : new LinkedHashMap<>();
        m.putAll(entries);
        put(path, m);
    }

    public Map<String, Object> asMap() {
        return root;
    }

    private static Map<String, Object> child(Map<String, Object> at, String part) {
        if (part.endsWith("]")) {
            return select(at, part, true);
        }
        Object next = at.get(part);
        if (!(next instanceof Map<?, ?>)) {
            next = new LinkedHashMap<String, Object>();
            at.put(part, next);
        }
        return castMap(next);
    }

    private static Map<String, Object> select(Map<String, Object> at, String part, boolean create) {
        int open = part.indexOf('[');
        String list = part.substring(0, open);
        String key = part.substring(open + 1, part.length() - 1);
        Object l = at.get(list);
        if (!(l instanceof List<?>)) {
            if (!create) {
                return null;
            }
            l = new ArrayList<Object>();
            at.put(list, l);
        }
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) l;
        for (Object item : items) {
            if (item instanceof Map<?, ?> m && (key.equals(m.get("provider")) || key.equals(m.get("name")))) {
                return castMap(item);
            }
        }
        if (!create) {
            return null;
        }
        Map<String, Object> fresh = new LinkedHashMap<>();
        fresh.put("name", key);
        items.add(fresh);
        return fresh;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutableCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, copy(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            return mutableCopy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(copy(x)));
            return out;
        }
        return v;
    }
}
