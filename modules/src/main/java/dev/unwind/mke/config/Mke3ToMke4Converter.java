package dev.unwind.mke.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unwind.mke.config.Rule.Convert;
import dev.unwind.mke.config.Rule.NotSupported;
import dev.unwind.mke.config.Rule.Obsolete;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Converts an MKE 3 configuration into an MKE 4k one. Walks every setting in document order, applies
 * the catalog's rule (or the rule of an enclosing table), and reports each setting exactly once.
 */
public final class Mke3ToMke4Converter {
    private static final String DEFAULT_NODE_PORT_RANGE = "32768-35535";

    private final SettingCatalog catalog;

    public Mke3ToMke4Converter(SettingCatalog catalog) {
        this.catalog = catalog;
    }

    public Mke3ToMke4Converter() {
        this(SettingCatalog.standard());
    }

    public Conversion convert(Mke3Toml toml, ConversionOptions options) {
        Mke4Document doc = Mke4Document.defaults();
        doc.put("spec.version", options.version());
        if (options.externalAddress() != null && !options.externalAddress().isBlank()) {
            doc.put("spec.apiServer.externalAddress", options.externalAddress());
        }
        if (!options.hosts().isEmpty()) {
            doc.put("spec.hosts", new ArrayList<>(options.hosts()));
        }
        Findings findings = new Findings();
        List<ReportEntry> entries = new ArrayList<>();
        walk(toml, "", toml.root(), null, doc, findings, entries);
        chooseIngressNodePorts(toml, doc);
        boolean ldapInUse = "ldap".equals(toml.root().path("auth").path("backend").asText(""));
        entries.addAll(LdapSettings.apply(options.ldap(), ldapInUse, doc, findings));
        entries.addAll(findings.entries());
        return new Conversion(doc.asMap(), new CompatibilityReport(entries, findings.pools()), findings.secretTargets());
    }

    private void walk(Mke3Toml toml, String prefix, JsonNode table, Rule inherited, Mke4Document doc,
                      Findings findings, List<ReportEntry> entries) {
        Iterator<Map.Entry<String, JsonNode>> it = table.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            visit(toml, path, e.getValue(), inherited, doc, findings, entries);
        }
    }

    private void visit(Mke3Toml toml, String path, JsonNode value, Rule inherited, Mke4Document doc,
                       Findings findings, List<ReportEntry> entries) {
        Rule rule = catalog.ruleFor(path).orElse(inherited);
        Setting setting = new Setting(path, value, toml);
        if (rule instanceof Convert c) {
            c.conversion().apply(setting, doc, findings);
            if (!findings.takeFailed()) {
                boolean disabled = c.toggle() && setting.isOff();
                entries.add(new ReportEntry(path, disabled ? Category.DISABLED : Category.CONVERTED, c.target(), null));
            }
            return;
        }
        if (value.isObject()) {
            walk(toml, path, value, rule, doc, findings, entries);
            return;
        }
        if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
            for (int i = 0; i < value.size(); i++) {
                walk(toml, path + "[" + i + "]", value.get(i), rule, doc, findings, entries);
            }
            return;
        }
        if (rule == null) {
            entries.add(new ReportEntry(path, Category.UNKNOWN, null,
                    "not an MKE 3 setting unwind knows; check its spelling, or carry it over by hand"));
        } else if (setting.isOff()) {
            entries.add(new ReportEntry(path, Category.DISABLED, null, reason(rule)));
        } else if (rule instanceof NotSupported n) {
            entries.add(new ReportEntry(path, Category.NOT_SUPPORTED, null, n.reason()));
        } else if (rule instanceof Obsolete o) {
            entries.add(new ReportEntry(path, Category.OBSOLETE, null, o.reason()));
        }
    }

    private static String reason(Rule rule) {
        if (rule instanceof NotSupported n) {
            return n.reason();
        }
        return rule instanceof Obsolete o ? o.reason() : null;
    }

    /**
     * The ingress NodePorts: the MKE 3 ports when they are declared, else 33000/33001 when the node-port
     * range holds them, else the first two ports of the range (MKE 4k's documented upgrade behaviour).
     */
    private static void chooseIngressNodePorts(Mke3Toml toml, Mke4Document doc) {
        JsonNode ingress = toml.root().path("cluster_config").path("ingress_controller");
        Integer http = null;
        Integer https = null;
        for (JsonNode p : ingress.path("ingress_exposed_ports")) {
            int port = p.path("port").asInt(-1);
            int nodePort = p.path("node_port").asInt(0);
            String name = p.path("name").asText("");
            if (nodePort > 0 && (port == 80 || name.equals("http2") || name.equals("http"))) {
                http = nodePort;
            } else if (nodePort > 0 && (port == 443 || name.equals("https"))) {
                https = nodePort;
            }
        }
        int[] range = range(toml.root().path("cluster_config").path("nodeport_range").asText(DEFAULT_NODE_PORT_RANGE));
        if (http == null || https == null) {
            boolean defaultsFit = range == null || (range[0] <= 33000 && 33001 <= range[1]);
            http = http != null ? http : defaultsFit ? 33000 : range[0];
            https = https != null ? https : defaultsFit ? 33001 : range[0] + (range[0] == http ? 1 : 0);
        }
        doc.put("spec.ingressController.nodePorts", orderedPorts(http, https));
    }

    private static Map<String, Object> orderedPorts(int http, int https) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("http", http);
        m.put("https", https);
        return m;
    }

    private static int[] range(String text) {
        String[] parts = text.strip().split("-");
        try {
            return parts.length == 2 ? new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
