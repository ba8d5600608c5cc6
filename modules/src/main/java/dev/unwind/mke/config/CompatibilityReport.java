package dev.unwind.mke.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every MKE 3 setting found and what became of it, plus the MetalLB pools to recreate. Holds no values,
 * so it is safe to print and to store.
 */
public record CompatibilityReport(List<ReportEntry> entries, List<MetallbPool> metallbPools) {

    public CompatibilityReport {
        entries = List.copyOf(entries);
        metallbPools = List.copyOf(metallbPools);
    }

    public List<ReportEntry> in(Category category) {
        return entries.stream().filter(e -> e.category() == category).toList();
    }

    /** Settings that stop the upgrade unless the operator confirms or passes --force. */
    public List<ReportEntry> needingConfirmation() {
        return entries.stream().filter(e -> e.category().needsConfirmation()).toList();
    }

    public boolean needsConfirmation() {
        return !needingConfirmation().isEmpty();
    }

    /** The human-readable report, grouped like mkectl's compatibility checks. */
    public String toText() {
        StringBuilder out = new StringBuilder("# MKE3->MKE4 Compatibility Checks #\n");
        for (Category c : Category.values()) {
            List<ReportEntry> group = in(c);
            if (group.isEmpty()) {
                continue;
            }
            out.append("\n# ").append(c.title()).append(" #\n");
            for (ReportEntry e : group) {
                out.append(e.setting());
                if (e.target() != null) {
                    out.append(" -> ").append(e.target());
                }
                if (e.detail() != null) {
                    out.append(": ").append(e.detail());
                }
                out.append('\n');
            }
        }
        if (!metallbPools.isEmpty()) {
            out.append('\n').append(metallbSection());
        }
        return out.toString();
    }

    /** The lines under "Configuration file" in the Upgrade Summary. */
    public String summaryText() {
        List<ReportEntry> open = needingConfirmation();
        if (open.isEmpty()) {
            return "All MKE 3 TOML settings were successfully converted into MKE 4 YAML settings.\n";
        }
        StringBuilder out = new StringBuilder("The following MKE 3 TOML settings were not converted into MKE 4 YAML settings:\n");
        for (ReportEntry e : open) {
            out.append("- ").append(e.setting()).append(" (").append(e.category().title().toLowerCase()).append(")");
            if (e.detail() != null) {
                out.append(": ").append(e.detail());
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The Upgrade Summary's "MetalLB IP address pools" section body. */
    public String metallbSection() {
        StringBuilder out = new StringBuilder();
        for (MetallbPool p : metallbPools) {
            out.append("name: ").append(p.name()).append('\n')
                    .append("ipaddress: [").append(String.join(" ", p.addresses())).append("]\n");
        }
        return out.append("Please make sure that you create these pools after MKE4 installation is complete.\n").toString();
    }

    public String toJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            counts.put(c.name().toLowerCase(), in(c).size());
        }
        doc.put("needsConfirmation", needsConfirmation());
        doc.put("counts", counts);
        List<Map<String, Object>> list = new ArrayList<>();
        for (ReportEntry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("setting", e.setting());
            m.put("category", e.category().name().toLowerCase());
            if (e.target() != null) {
                m.put("target", e.target());
            }
            if (e.detail() != null) {
                m.put("detail", e.detail());
            }
            list.add(m);
        }
        doc.put("settings", list);
        List<Map<String, Object>> pools = new ArrayList<>();
        for (MetallbPool p : metallbPools) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("addresses", p.addresses());
            pools.add(m);
        }
        doc.put("metallbPools", pools);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
