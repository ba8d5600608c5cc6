package dev.unwind.vars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the variables one task sees on one host, lowest precedence first. */
public final class Scope {
    private final List<Map<String, Object>> layers = new ArrayList<>();

    public Scope layer(Map<String, Object> vars) {
        if (vars != null && !vars.isEmpty()) {
            layers.add(vars);
        }
        return this;
    }

    public Map<String, Object> build() {
        Map<String, Object> out = new LinkedHashMap<>();
        layers.forEach(out::putAll);
        return out;
    }
}
