package dev.unwind.mke.config;

/**
 * One MKE 3 setting in the compatibility report. Values are never part of an entry, so a secret in the
 * TOML cannot reach the report.
 *
 * @param setting the dotted MKE 3 path ({@code cluster_config.kubelet_max_pods})
 * @param target  the MKE 4k key ({@code spec.kubelet.maxPods}) or null
 * @param detail  why, for every category but CONVERTED; what was left out for a partial conversion
 */
public record ReportEntry(String setting, Category category, String target, String detail) {
}
