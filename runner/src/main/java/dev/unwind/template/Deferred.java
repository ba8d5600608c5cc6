package dev.unwind.template;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A variable's value that is computed when it is used, as Ansible templates an estate's values: it stands in the
 * variables a task sees until a template, a condition or a module reads it. Copying the variables copies the stand-in,
 * not the value; FreeMarker and {@link #resolving} read through it.
 */
public interface Deferred {
    /** The value (computed on first use, then kept); an error when it cannot be computed. */
    Object value();

    /** {@code v}, or its value when it is a stand-in. */
    static Object resolved(Object v) {
        return v instanceof Deferred d ? d.value() : v;
    }

    /** {@code vars} as a mapping that reads through stand-ins, one when asked for (what modules are given). */
    static Map<String, Object> resolving(Map<String, Object> vars) {
        return new AbstractMap<>() {
            @Override
            public Object get(Object key) {
                return resolved(vars.get(key));
            }

            @Override
            public boolean containsKey(Object key) {
                return vars.containsKey(key);
            }

            @Override
            public int size() {
                return vars.size();
            }

            @Override
            public Set<Entry<String, Object>> entrySet() {
                Set<Entry<String, Object>> out = new LinkedHashSet<>();
                vars.forEach((k, v) -> out.add(new SimpleEntry<>(k, v) {
                    @Override
                    public Object getValue() {
                        return resolved(super.getValue());
                    }
                }));
                return out;
            }
        };
    }
}
