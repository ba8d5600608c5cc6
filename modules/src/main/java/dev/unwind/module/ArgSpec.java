package dev.unwind.module;

import java.util.List;

/**
 * One declared argument of a module.
 *
 * @param secret the value is a secret: redacted everywhere it would be shown
 */
public record ArgSpec(String name, ArgType type, boolean required, Object defaultValue,
                      List<String> choices, List<String> aliases, String description, boolean secret) {

    public ArgSpec {
        choices = choices == null ? List.of() : List.copyOf(choices);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public static ArgSpec required(String name, ArgType type, String description) {
        return new ArgSpec(name, type, true, null, null, null, description, false);
    }

    public static ArgSpec optional(String name, ArgType type, Object defaultValue, String description) {
        return new ArgSpec(name, type, false, defaultValue, null, null, description, false);
    }

    public ArgSpec choices(String... values) {
        return new ArgSpec(name, type, required, defaultValue, List.of(values), aliases, description, secret);
    }

    public ArgSpec aliases(String... values) {
        return new ArgSpec(name, type, required, defaultValue, choices, List.of(values), description, secret);
    }

    public ArgSpec asSecret() {
        return new ArgSpec(name, type, required, defaultValue, choices, aliases, description, true);
    }

    public boolean answersTo(String key) {
        return name.equals(key) || aliases.contains(key);
    }
}
