package dev.unwind.mke.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code "cpu=250m,memory=2Gi,ephemeral-storage=4Gi"} as a map; null when malformed. */
final class ReservedResources {
    private ReservedResources() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                return null;
            }
            out.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
        }
        return out.isEmpty() ? null : out;
    }
}
