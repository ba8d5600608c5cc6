package dev.unwind.playbook;

import java.nio.file.Path;
import java.util.Map;

/**
 * A role as a play uses it: its name, its folder (whose {@code files/} and {@code templates/} are searched first for a
 * task's {@code src}), its defaults — the lowest precedence of all variables, below even the inventory's — and its
 * vars (vars/main.yml, above the play's).
 */
public record Role(String name, Path dir, Map<String, Object> defaults, Map<String, Object> vars) {

    public Role {
        defaults = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defaults));
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
    }
}
