package dev.unwind.exec;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.security.SecureRandom;

/**
 * Ansible's {@code omit}: a variable holding a placeholder no one would write, so that {@code ${mode!omit}} leaves
 * the argument out when {@code mode} is undefined. Arguments (and their mappings' entries, at any depth) that render
 * to exactly the placeholder are dropped before the module sees them, as Ansible drops them.
 */
final class Omit {
    /** Drawn anew in every controller process: a journaled undo never holds it, its arguments are dropped first. */
    static final String PLACEHOLDER = "__omit_place_holder__" + randomHex();

    private Omit() {
    }

    private static String randomHex() {
        byte[] bytes = new byte[20];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The arguments without those that are the placeholder. */
    static Map<String, Object> dropped(Map<String, Object> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        args.forEach((k, v) -> {
            if (!PLACEHOLDER.equals(v)) {
                out.put(k, inner(v));
            }
        });
        return out;
    }

    /** Within lists only mappings are looked into: a list item that is the placeholder stays, as in Ansible. */
    @SuppressWarnings("unchecked")
    private static Object inner(Object v) {
        if (v instanceof Map<?, ?> m) {
            return dropped((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> x instanceof Map<?, ?> ? inner(x) : x).toList();
        }
        return v;
    }
}
