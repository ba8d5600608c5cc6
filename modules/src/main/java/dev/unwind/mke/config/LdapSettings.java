package dev.unwind.mke.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MKE 3's LDAP settings (eNZi, {@code GET /enzi/v0/config/auth/ldap}; not in the TOML) as MKE 4k's
 * {@code authentication.ldap} (Dex's LDAP connector). Reported under {@code enzi.ldap.*}.
 */
final class LdapSettings {
    private static final String P = "enzi.ldap.";

    private LdapSettings() {
    }

    static List<ReportEntry> apply(Map<String, Object> ldap, boolean inUse, Mke4Document doc, Findings findings) {
        List<ReportEntry> out = new ArrayList<>();
        if (ldap == null || ldap.isEmpty()) {
            return out;
        }
        if (!inUse) {
            out.add(new ReportEntry(P + "*", Category.DISABLED, "spec.authentication.ldap",
                    "auth.backend is not \"ldap\": the LDAP settings are not in use"));
            return out;
        }
        String t = "spec.authentication.ldap.";
        doc.put(t + "enabled", true);
        String server = str(ldap, "serverURL");
        try {
            URI u = URI.create(server);
            boolean tls = "ldaps".equalsIgnoreCase(u.getScheme());
            int port = u.getPort() > 0 ? u.getPort() : tls ? 636 : 389;
            doc.put(t + "host", u.getHost() + ":" + port);
            doc.put(t + "insecureNoSSL", !tls && !Boolean.TRUE.equals(ldap.get("startTLS")));
            out.add(new ReportEntry(P + "serverURL", Category.CONVERTED, t + "host", null));
        } catch (IllegalArgumentException e) {
            findings.failed(P + "serverURL", t + "host", "'" + server + "' is not an ldap:// or ldaps:// URL");
        }
        if (!str(ldap, "readerDN").isEmpty()) {
            doc.put(t + "bindDN", str(ldap, "readerDN"));
            out.add(new ReportEntry(P + "readerDN", Category.CONVERTED, t + "bindDN", null));
        }
        if (!str(ldap, "readerPassword").isEmpty()) {
            doc.put(t + "bindPW", str(ldap, "readerPassword"));
            findings.secret(t + "bindPW");
            out.add(new ReportEntry(P + "readerPassword", Category.CONVERTED, t + "bindPW", null));
        }
        if (ldap.get("userSearchConfigs") instanceof List<?> searches && !searches.isEmpty()) {
            Map<?, ?> s = (Map<?, ?>) searches.get(0);
            Map<String, Object> us = new LinkedHashMap<>();
            us.put("baseDN", str(s, "baseDN"));
            us.put("filter", str(s, "filter"));
            String username = str(s, "usernameAttr").isEmpty() ? "uid" : str(s, "usernameAttr");
            us.put("username", username);
            us.put("idAttr", username);
            // MKE 3 has no e-mail attribute; Dex needs one: the user name stands in
            us.put("emailAttr", username);
            us.put("nameAttr", str(s, "fullNameAttr").isEmpty() ? "cn" : str(s, "fullNameAttr"));
            doc.put(t + "userSearch", us);
            out.add(new ReportEntry(P + "userSearchConfigs[0]", Category.CONVERTED, t + "userSearch", null));
            for (int i = 1; i < searches.size(); i++) {
                out.add(new ReportEntry(P + "userSearchConfigs[" + i + "]", Category.NOT_SUPPORTED, null,
                        "Dex's LDAP connector has one user search; merge the searches into one filter"));
            }
        }
        notSupported(ldap, "rootCerts", "give the CA as a file with spec.authentication.ldap.rootCA", out);
        notSupported(ldap, "tlsSkipVerify", "MKE 4k verifies the LDAP server's certificate", out);
        notSupported(ldap, "jitUserProvisioning", "MKE 4k does not provision LDAP users ahead of login", out);
        notSupported(ldap, "noSimplePagination", "MKE 4k does not offer LDAP simple pagination settings", out);
        notSupported(ldap, "syncSchedule", "MKE 4k does not sync LDAP users", out);
        return out;
    }

    private static void notSupported(Map<String, Object> ldap, String key, String reason, List<ReportEntry> out) {
        Object v = ldap.get(key);
        boolean on = v != null && !Boolean.FALSE.equals(v) && !"".equals(v);
        out.add(new ReportEntry(P + key, on ? Category.NOT_SUPPORTED : Category.DISABLED, null, reason));
    }

    private static String str(Map<?, ?> m, String k) {
        Object v = m.get(k);
        return v == null ? "" : String.valueOf(v);
    }
}
