package dev.unwind.playbook;

import dev.unwind.module.Args;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's subelements lookup: terms {@code [elements, "key.subkey", {skip_missing: bool}]}, the elements a list of
 * mappings (or a mapping, whose values are taken). Each item is {@code [element, subitem]} for every subitem of the
 * element's list at the key path; as in Ansible, the element comes without that list, and an element marked
 * {@code skipped} (a registered result of a skipped task) gives no items.
 */
record Subelements(Object terms) {

    List<Object> items() {
        if (!(terms instanceof List<?> t) || t.size() < 2 || t.size() > 3) {
            throw new IllegalArgumentException("with_subelements takes a list of two or three items: the elements,"
                    + " the key of their lists, and optionally {skip_missing: true}; got " + LoopItems.describe(terms));
        }
        Object first = t.get(0) instanceof List<?> || t.get(0) instanceof Map<?, ?> ? t.get(0) : Arrays.asList(t.get(0));
        if (!(t.get(1) instanceof String path)) {
            throw new IllegalArgumentException("with_subelements: the second item is the key of the lists, as text; got "
                    + LoopItems.describe(t.get(1)));
        }
        boolean skipMissing = false;
        if (t.size() == 3) {
            if (!(t.get(2) instanceof Map<?, ?> flags) || !flags.keySet().stream().allMatch("skip_missing"::equals)) {
                throw new IllegalArgumentException("with_subelements: the third item is a mapping of flags, {skip_missing: true}");
            }
            skipMissing = flags.get("skip_missing") != null
                    && Boolean.TRUE.equals(Args.parseBool(String.valueOf(flags.get("skip_missing"))));
        }
        List<?> elements;
        if (first instanceof Map<?, ?> m) {
            if (skipped(m)) {
                return List.of();
            }
            elements = new ArrayList<>(m.values());
        } else {
            elements = (List<?>) first;
        }
        List<String> keys = List.of(path.split("\\.", -1));
        List<Object> out = new ArrayList<>();
        for (Object e : elements) {
            if (!(e instanceof Map<?, ?> element)) {
                throw new IllegalArgumentException("with_subelements expects mappings among the elements, got " + LoopItems.describe(e));
            }
            if (skipped(element)) {
                continue;
            }
            Map<String, Object> copy = copy(element);
            for (Object sub : sublist(copy, keys, skipMissing)) {
                out.add(Arrays.asList(copy, sub));
            }
        }
        return out;
    }

    /** Ansible's test: an element with any {@code skipped} but false is passed over. */
    private static boolean skipped(Map<?, ?> m) {
        return m.containsKey("skipped") && !Boolean.FALSE.equals(m.get("skipped"));
    }

    /** The list at the key path, taken out of {@code element}; walked as Ansible walks it, quirks included. */
    private static List<?> sublist(Map<String, Object> element, List<String> keys, boolean skipMissing) {
        Map<String, Object> at = element;
        String last = keys.get(keys.size() - 1);
        boolean lastKey = false;
        List<?> sublist = List.of();
        for (String key : keys) {
            lastKey |= key.equals(last);
            if (!at.containsKey(key)) {
                if (skipMissing) {
                    continue;
                }
                throw new IllegalArgumentException("could not find '" + key + "' key in iterated item " + at);
            }
            Object value = at.get(key);
            if (!lastKey) {
                if (value instanceof Map<?, ?>) {
                    at = cast(value);
                } else if (!skipMissing) {
                    throw new IllegalArgumentException("the key " + key + " should point to a mapping, got '" + value + "'");
                }
            } else if (value instanceof List<?> l) {
                sublist = l;
                at.remove(key);
            } else {
                throw new IllegalArgumentException("the key " + key + " should point to a list, got '" + value + "'");
            }
        }
        return sublist;
    }

    /** A copy of a mapping and the mappings in it, so that taking the list out leaves the variable as it was. */
    private static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Map<?, ?> inner ? copy(inner) : v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object m) {
        return (Map<String, Object>) m;
    }
}
