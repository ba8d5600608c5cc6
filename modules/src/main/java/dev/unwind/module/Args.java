package dev.unwind.module;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A module's rendered arguments, with defaults from its spec and aliases resolved. */
public final class Args {
    private final ModuleSpec spec;
    private final Map<String, Object> values;

    public Args(ModuleSpec spec, Map<String, Object> given) {
        this.spec = spec;
        Map<String, Object> v = new LinkedHashMap<>();
        for (ArgSpec a : spec.args()) {
            if (a.defaultValue() != null) {
                v.put(a.name(), a.defaultValue());
            }
        }
        given.forEach((k, val) -> v.put(spec.arg(k).map(ArgSpec::name).orElse(k), val));
        this.values = Collections.unmodifiableMap(v);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Object raw(String name) {
        return values.get(name);
    }

    public String str(String name) {
        Object v = values.get(name);
        return v == null ? null : String.valueOf(v);
    }

    public String str(String name, String fallback) {
        String s = str(name);
        return s == null ? fallback : s;
    }

    public boolean bool(String name) {
        Object v = values.get(name);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        Boolean parsed = parseBool(String.valueOf(v));
        if (parsed == null) {
            throw new IllegalArgumentException("argument '" + name + "' of " + spec.name() + " must be a boolean, got '" + v + "'");
        }
        return parsed;
    }

    public Long integer(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("argument '" + name + "' of " + spec.name() + " must be an integer, got '" + v + "'");
        }
    }

    /** A list argument; a string is split on commas, as Ansible does. */
    public List<String> list(String name) {
        Object v = values.get(name);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        } else if (v != null) {
            for (String part : String.valueOf(v).split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> dict(String name) {
        Object v = values.get(name);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** YAML 1.1 and Ansible booleans; null when the text is not one. */
    public static Boolean parseBool(String s) {
        return switch (s.trim().toLowerCase()) {
            case "true", "yes", "on", "y", "t", "1" -> Boolean.TRUE;
            case "false", "no", "off", "n", "f", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
