package dev.unwind.vars;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a run learns about each host: gathered facts, variables from {@code include_vars}, and registered results
 * and {@code set_fact} values (one layer, the later winning, as in Ansible; above include_vars').
 */
public final class HostVariables {
    private final Map<String, Map<String, Object>> facts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> registered = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> included = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<String>>> includedFrom = new ConcurrentHashMap<>();

    public void setFacts(String host, Map<String, Object> f) {
        facts.put(host, Map.copyOf(f));
    }

    /**
     * Facts a module returned ({@code setup}, {@code getent}...) added to the host's: each as a variable of its own name
     * and under {@code ansible_facts} without its {@code ansible_} prefix, as Ansible injects them.
     */
    public synchronized void addFacts(String host, Map<?, ?> more) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(facts(host));
        Map<String, Object> nested = new java.util.LinkedHashMap<>(all.get("ansible_facts") instanceof Map<?, ?> m
                ? castKeys(m) : Map.of());
        more.forEach((k, v) -> {
            String name = String.valueOf(k);
            all.put(name, v);
            nested.put(name.startsWith("ansible_") ? name.substring("ansible_".length()) : name, v);
        });
        all.put("ansible_facts", nested);
        facts.put(host, java.util.Collections.unmodifiableMap(all));
    }

    private static Map<String, Object> castKeys(Map<?, ?> m) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    public Map<String, Object> facts(String host) {
        return facts.getOrDefault(host, Map.of());
    }

    public void register(String host, String name, Object value) {
        registered.computeIfAbsent(host, h -> new ConcurrentHashMap<>()).put(name, value == null ? "" : value);
    }

    /** Takes back what {@link #register} set (a looped include's item, once its loop ends). */
    public void unregister(String host, String name) {
        Map<String, Object> mine = registered.get(host);
        if (mine != null) {
            mine.remove(name);
        }
    }

    public Map<String, Object> registered(String host) {
        return new LinkedHashMap<>(registered.getOrDefault(host, Map.of()));
    }

    /**
     * A variable from {@code include_vars}: above task vars, below registered results and set_fact. {@code files} are
     * the files that include read (one of them holds it), for messages about its value.
     */
    public void include(String host, String name, Object value, List<String> files) {
        included.computeIfAbsent(host, h -> new ConcurrentHashMap<>()).put(name, value == null ? "" : value);
        includedFrom.computeIfAbsent(host, h -> new ConcurrentHashMap<>()).put(name, List.copyOf(files));
    }

    /** The files of the include_vars that gave the host this variable (the last that holds it wins), or none. */
    public List<String> includedFrom(String host, String name) {
        return includedFrom.getOrDefault(host, Map.of()).getOrDefault(name, List.of());
    }

    public Map<String, Object> included(String host) {
        return new LinkedHashMap<>(included.getOrDefault(host, Map.of()));
    }
}
