package dev.unwind.mke.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One MKE 3 setting as found in the TOML, with typed reads that fail at the setting's position. */
public record Setting(String path, JsonNode value, Mke3Toml toml) {

    public boolean bool() {
        if (!value.isBoolean()) {
            throw wrongType("a boolean (true or false)");
        }
        return value.booleanValue();
    }

    public long integer() {
        if (!value.isIntegralNumber()) {
            throw wrongType("an integer");
        }
        return value.longValue();
    }

    public Number number() {
        if (!value.isNumber()) {
            throw wrongType("a number");
        }
        return value.isIntegralNumber() ? (Number) value.longValue() : (Number) value.doubleValue();
    }

    public String string() {
        if (!value.isTextual()) {
            throw wrongType("a string");
        }
        return value.textValue();
    }

    public List<String> strings() {
        if (!value.isArray()) {
            throw wrongType("an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : value) {
            if (!n.isTextual()) {
                throw wrongType("an array of strings");
            }
            out.add(n.textValue());
        }
        return out;
    }

    /** A table (or array of tables) as plain Java maps and lists, TOML types kept. */
    public Object plain() {
        return plain(value);
    }

    public Map<String, Object> table() {
        if (!value.isObject()) {
            throw wrongType("a table");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) plain(value);
        return m;
    }

    public List<Map<String, Object>> tables() {
        if (!value.isArray()) {
            throw wrongType("an array of tables ([[" + path + "]])");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode n : value) {
            if (!n.isObject()) {
                throw wrongType("an array of tables ([[" + path + "]])");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) plain(n);
            out.add(m);
        }
        return out;
    }

    /** Off, zero or empty: the setting is not in use. */
    public boolean isOff() {
        return (value.isBoolean() && !value.booleanValue())
                || (value.isNumber() && value.doubleValue() == 0)
                || (value.isTextual() && value.textValue().isBlank())
                || (value.isContainerNode() && value.isEmpty())
                || value.isNull();
    }

    public InvalidMke3Config wrongType(String expected) {
        return toml.problemAt(path, path + " must be " + expected + ", found " + describe(value)
                + "; fix the value in the MKE 3 configuration");
    }

    private static String describe(JsonNode n) {
        if (n.isTextual()) {
            return "the string \"" + (n.textValue().length() > 40 ? n.textValue().substring(0, 40) + "…" : n.textValue()) + "\"";
        }
        if (n.isObject()) {
            return "a table";
        }
        if (n.isArray()) {
            return "an array";
        }
        return n.getNodeType().name().toLowerCase() + " " + n;
    }

    static Object plain(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), plain(e.getValue())));
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(plain(x)));
            return l;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToInt() ? (Object) n.intValue() : (Object) n.longValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return n.isNull() ? null : n.asText();
    }

    @Override
    public String toString() {
        return "Setting[" + path + "]";
    }
}
