package dev.unwind.mke.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The result of converting one MKE 3 configuration.
 *
 * @param document      the MkeConfig document (holds secrets: write it only to a 0600 file)
 * @param secretTargets MKE 4k keys that hold secrets, redacted by {@link #displayYaml()}
 */
public record Conversion(Map<String, Object> document, CompatibilityReport report, List<String> secretTargets) {

    public static final String MASK = "********";

    public Conversion {
        secretTargets = List.copyOf(secretTargets);
    }

    /** The full mke4.yaml, secrets included. */
    public String yaml() {
        return dump(document);
    }

    /** mke4.yaml for a terminal or a log: every secret replaced with {@value #MASK}. */
    public String displayYaml() {
        Map<String, Object> copy = deepCopy(document);
        for (String target : secretTargets) {
            String[] parts = target.split("\\.");
            Object at = copy;
            for (int i = 0; i < parts.length - 1 && at instanceof Map<?, ?> m; i++) {
                at = m.get(parts[i]);
            }
            if (at instanceof Map<?, ?> m && m.containsKey(parts[parts.length - 1])) {
                @SuppressWarnings("unchecked")
                Map<String, Object> mm = (Map<String, Object>) m;
                mm.put(parts[parts.length - 1], MASK);
            }
        }
        return dump(copy);
    }

    public boolean hasSecrets() {
        return !secretTargets.isEmpty();
    }

    private static String dump(Map<String, Object> doc) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(0);
        o.setSplitLines(false);
        return new Yaml(o).dump(doc);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> mm ? deepCopy((Map<String, Object>) mm)
                : v instanceof List<?> l ? new ArrayList<>(l) : v));
        return out;
    }

    @Override
    public String toString() {
        return "Conversion[" + report.entries().size() + " settings]";
    }
}
