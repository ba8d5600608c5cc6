package dev.unwind.mke.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MKE 3 kubelet flag profiles ({@code [[cluster_config.custom_kubelet_flags_profiles]]} with {@code name}
 * and {@code flags}) as MKE 4k {@code kubelet.customProfiles}, whose values are KubeletConfiguration
 * fields. Only flags with a known KubeletConfiguration field convert; the rest are reported.
 */
final class KubeletProfiles {
    private enum Kind { INT, BOOL, STRING, DURATION }

    private record Field(String name, Kind kind) {
    }

    /** Kubelet command-line flags and the KubeletConfiguration fields that replace them (kubelet reference). */
    private static final Map<String, Field> FIELDS = Map.ofEntries(
            Map.entry("image-gc-high-threshold", new Field("imageGCHighThresholdPercent", Kind.INT)),
            Map.entry("image-gc-low-threshold", new Field("imageGCLowThresholdPercent", Kind.INT)),
            Map.entry("max-pods", new Field("maxPods", Kind.INT)),
            Map.entry("pods-per-core", new Field("podsPerCore", Kind.INT)),
            Map.entry("pod-max-pids", new Field("podPidsLimit", Kind.INT)),
            Map.entry("event-qps", new Field("eventRecordQPS", Kind.INT)),
            Map.entry("event-burst", new Field("eventBurst", Kind.INT)),
            Map.entry("kube-api-qps", new Field("kubeAPIQPS", Kind.INT)),
            Map.entry("kube-api-burst", new Field("kubeAPIBurst", Kind.INT)),
            Map.entry("serialize-image-pulls", new Field("serializeImagePulls", Kind.BOOL)),
            Map.entry("registry-qps", new Field("registryPullQPS", Kind.INT)),
            Map.entry("registry-burst", new Field("registryBurst", Kind.INT)),
            Map.entry("protect-kernel-defaults", new Field("protectKernelDefaults", Kind.BOOL)),
            Map.entry("cpu-manager-policy", new Field("cpuManagerPolicy", Kind.STRING)),
            Map.entry("topology-manager-policy", new Field("topologyManagerPolicy", Kind.STRING)),
            Map.entry("container-log-max-size", new Field("containerLogMaxSize", Kind.STRING)),
            Map.entry("container-log-max-files", new Field("containerLogMaxFiles", Kind.INT)),
            Map.entry("node-status-update-frequency", new Field("nodeStatusUpdateFrequency", Kind.DURATION)),
            Map.entry("image-minimum-gc-age", new Field("imageMinimumGCAge", Kind.DURATION)),
            Map.entry("streaming-connection-idle-timeout", new Field("streamingConnectionIdleTimeout", Kind.DURATION)),
            Map.entry("eviction-pressure-transition-period", new Field("evictionPressureTransitionPeriod", Kind.DURATION)),
            Map.entry("fail-swap-on", new Field("failSwapOn", Kind.BOOL)),
            Map.entry("read-only-port", new Field("readOnlyPort", Kind.INT)),
            Map.entry("max-open-files", new Field("maxOpenFiles", Kind.INT)));

    private KubeletProfiles() {
    }

    static List<Map<String, Object>> convert(String setting, List<Map<String, Object>> profiles, Findings findings) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> profile : profiles) {
            Object name = profile.get("name");
            if (!(name instanceof String n) || n.isBlank()) {
                findings.notConverted(setting, "a profile without a name");
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            Object flags = profile.get("flags");
            if (flags instanceof List<?> list) {
                for (Object f : list) {
                    convertFlag(setting, n, String.valueOf(f), values, findings);
                }
            } else if (flags != null) {
                findings.notConverted(setting, "profile '" + n + "': flags must be an array of strings");
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", n);
            p.put("values", values);
            out.add(p);
        }
        return out;
    }

    private static void convertFlag(String setting, String profile, String flag, Map<String, Object> values,
                                    Findings findings) {
        String f = flag.strip();
        int eq = f.indexOf('=');
        String name = f.startsWith("--") ? (eq < 0 ? f.substring(2) : f.substring(2, eq)) : null;
        String value = eq < 0 ? "true" : f.substring(eq + 1);
        Field field = name == null ? null : FIELDS.get(name);
        if (field == null) {
            findings.notConverted(setting, "profile '" + profile + "': '" + flag + "' has no KubeletConfiguration field"
                    + " unwind knows; set it in kubelet.customProfiles by hand");
            return;
        }
        try {
            values.put(field.name(), switch (field.kind()) {
                case INT -> Long.parseLong(value);
                case BOOL -> parseBool(value);
                case STRING, DURATION -> value;
            });
        } catch (IllegalArgumentException e) {
            findings.notConverted(setting, "profile '" + profile + "': '" + flag + "' has a value that is not a "
                    + field.kind().name().toLowerCase());
        }
    }

    private static boolean parseBool(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(v);
    }
}
