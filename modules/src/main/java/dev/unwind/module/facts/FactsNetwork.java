package dev.unwind.module.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host's network facts as Ansible's Linux network collector gives them: {@code interfaces}, one {@code <iface>}
 * fact per interface, {@code all_ipv4_addresses} / {@code all_ipv6_addresses}, and {@code default_ipv4} /
 * {@code default_ipv6} from the route the kernel picks for a public address (the addresses Ansible asks about).
 */
record FactsNetwork(Map<String, Map<String, Object>> interfaces, List<String> ipv4, List<String> ipv6,
                    Map<String, Object> default4, Map<String, Object> default6) {
    private static final Pattern ADDR = Pattern.compile("^\\d+:\\s+(\\S+)\\s+(inet6?)\\s+([^/\\s]+)/(\\d+)(?:\\s+brd\\s+(\\S+))?.*?scope\\s+(\\S+)");
    /** Ansible's names for the link types in /sys/class/net/IFACE/type (ARPHRD_*); any other is "unknown". */
    private static final Map<String, String> TYPES = Map.of("1", "ether", "32", "infiniband", "512", "ppp", "772", "loopback",
            "65534", "tunnel");
    private static final Pattern ROUTE = Pattern.compile("(?:via\\s+(\\S+)\\s+)?dev\\s+(\\S+).*?src\\s+(\\S+)");

    static FactsNetwork of(FactsProbe p) {
        Map<String, Map<String, Object>> ifaces = new LinkedHashMap<>();
        for (String link : p.all("link")) {
            String[] l = link.strip().split(" ");
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("device", l[0]);
            if (l.length > 1 && !l[1].isEmpty() && !l[1].equals("00:00:00:00:00:00")) {
                i.put("macaddress", l[1]);
            }
            if (l.length > 2) {
                i.put("mtu", Integer.parseInt(l[2]));
            }
            i.put("type", l.length > 4 && !l[4].equals("-") ? l[4] : TYPES.getOrDefault(l.length > 3 ? l[3] : "", "unknown"));
            ifaces.put(l[0], i);
        }
        List<String> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        for (String a : p.all("addr")) {
            Matcher m = ADDR.matcher(a);
            if (!m.find()) {
                continue;
            }
            Map<String, Object> i = ifaces.computeIfAbsent(m.group(1), n -> new LinkedHashMap<>(Map.of("device", n)));
            int prefix = Integer.parseInt(m.group(4));
            if (m.group(2).equals("inet")) {
                if (!m.group(3).startsWith("127.")) {
                    v4.add(m.group(3));
                }
                if (!i.containsKey("ipv4")) {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("address", m.group(3));
                    x.put("broadcast", m.group(5) == null ? "" : m.group(5));
                    x.put("netmask", mask(prefix));
                    x.put("network", network(m.group(3), prefix));
                    x.put("prefix", String.valueOf(prefix));
                    i.put("ipv4", x);
                }
            } else {
                if (!m.group(3).equals("::1")) {
                    v6.add(m.group(3));
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> list = (List<Map<String, Object>>) i.computeIfAbsent("ipv6", k -> new ArrayList<>());
                list.add(new LinkedHashMap<>(Map.of("address", m.group(3), "prefix", String.valueOf(prefix), "scope", m.group(6))));
            }
        }
        return new FactsNetwork(ifaces, v4, v6, defaultRoute(p.one("route4"), ifaces, true), defaultRoute(p.one("route6"), ifaces, false));
    }

    void into(Map<String, Object> facts) {
        facts.put("interfaces", new ArrayList<>(interfaces.keySet()));
        interfaces.forEach((n, i) -> facts.put(n.replace('-', '_').replace('.', '_'), i));
        facts.put("all_ipv4_addresses", ipv4);
        facts.put("all_ipv6_addresses", ipv6);
        facts.put("default_ipv4", default4);
        facts.put("default_ipv6", default6);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> defaultRoute(String route, Map<String, Map<String, Object>> ifaces, boolean v4) {
        Matcher m = ROUTE.matcher(route);
        Map<String, Object> d = new LinkedHashMap<>();
        if (route.isBlank() || !m.find()) {
            return d;
        }
        Map<String, Object> i = ifaces.getOrDefault(m.group(2), Map.of());
        d.put("address", m.group(3));
        if (v4) {
            d.put("alias", m.group(2));
            Map<String, Object> a = (Map<String, Object>) i.getOrDefault("ipv4", Map.of());
            d.put("broadcast", a.getOrDefault("broadcast", ""));
        }
        d.put("gateway", m.group(1) == null ? "" : m.group(1));
        d.put("interface", m.group(2));
        d.put("macaddress", i.getOrDefault("macaddress", "unknown"));
        d.put("mtu", i.get("mtu"));
        if (v4) {
            Map<String, Object> a = (Map<String, Object>) i.getOrDefault("ipv4", Map.of());
            d.put("netmask", a.getOrDefault("netmask", ""));
            d.put("network", a.getOrDefault("network", ""));
            d.put("prefix", a.getOrDefault("prefix", ""));
        } else {
            for (Map<String, Object> a : (List<Map<String, Object>>) i.getOrDefault("ipv6", List.of())) {
                if (a.get("address").equals(m.group(3))) {
                    d.put("prefix", a.get("prefix"));
                    d.put("scope", a.get("scope"));
                }
            }
        }
        d.put("type", i.getOrDefault("type", "unknown"));
        return d;
    }

    private static String mask(int prefix) {
        long m = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return (m >> 24) + "." + ((m >> 16) & 255) + "." + ((m >> 8) & 255) + "." + (m & 255);
    }

    private static String network(String address, int prefix) {
        String[] o = address.split("\\.");
        long a = (Long.parseLong(o[0]) << 24) | (Long.parseLong(o[1]) << 16) | (Long.parseLong(o[2]) << 8) | Long.parseLong(o[3]);
        long m = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        long n = a & m;
        return (n >> 24) + "." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }
}
