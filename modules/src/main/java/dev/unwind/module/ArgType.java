package dev.unwind.module;

import java.util.List;
import java.util.Map;

/** The type of a module argument, checked at load time when the value is a literal. */
public enum ArgType {
    STR, INT, BOOL, LIST, DICT, RAW;

    /** True when a literal YAML value fits this type (strings may still be converted later). */
    public boolean accepts(Object value) {
        return switch (this) {
            case RAW -> true;
            case STR -> value instanceof String || value instanceof Number || value instanceof Boolean;
            case INT -> value instanceof Integer || value instanceof Long
                    || (value instanceof String s && s.trim().matches("-?\\d+"));
            case BOOL -> value instanceof Boolean || (value instanceof String s && Args.parseBool(s) != null);
            case LIST -> value instanceof List<?> || value instanceof String;
            case DICT -> value instanceof Map<?, ?>;
        };
    }

    public String label() {
        return name().toLowerCase();
    }
}
