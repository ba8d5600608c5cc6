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

    /**
     * A value that cannot be computed because it refers to something undefined: to a template it is undefined itself
     * (Ansible's {@code x is defined} is false, its {@code default} applies), and using it says why.
     */
    final class Undefined extends dev.unwind.input.InvalidInput {
        private final String variable;

        public Undefined(dev.unwind.input.Position where, String variable, String message) {
            super(where, message);
            this.variable = variable;
        }

        /** The variable whose value it is. */
        public String variable() {
            return variable;
        }
    }

    /** {@code v}, or its value when it is a stand-in. */
    static Object resolved(Object v) {
        return v instanceof Deferred d ? d.value() : v;
    }

    /** {@code vars} as a mapping that reads through stand-ins, one when asked for (what modules are given). */
    static Map<String, Object> resolving(Map<String, Object> vars) {
        return view(vars.keySet(), k -> resolved(vars.get(k)));
    }

    /**
     * A mapping of {@code keys} whose values are {@code value}'s, each computed when asked for: asking the size or
     * the keys computes none (Jinjava asks the size of every mapping it is handed).
     */
    static Map<String, Object> view(Set<String> keys, java.util.function.Function<String, Object> value) {
        return new AbstractMap<>() {
            @Override
            public Object get(Object key) {
                return value.apply(String.valueOf(key));
            }

            @Override
            public boolean containsKey(Object key) {
                return keys.contains(key);
            }

            @Override
            public int size() {
                return keys.size();
            }

            @Override
            public Set<Entry<String, Object>> entrySet() {
                Set<Entry<String, Object>> out = new LinkedHashSet<>();
                keys.forEach(k -> out.add(new SimpleEntry<>(k, null) {
                    @Override
                    public Object getValue() {
                        return value.apply(k);
                    }
                }));
                return out;
            }
        };
    }
}
