package dev.unwind.inventory.mirantis;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.inventory.InventoryData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Recognises a Mirantis tool's host file and adds its hosts (see the package description for the mapping). */
public final class MirantisHosts {

    /** Which tool wrote a file, and how its roles become groups. */
    public enum Tool {
        MKECTL("mkectl"), LAUNCHPAD("launchpad"), K0SCTL("k0sctl"), MKE4("mke");

        final String prefix;

        Tool(String prefix) {
            this.prefix = prefix;
        }
    }

    private MirantisHosts() {
    }

    /** The tool whose format this YAML document has, if any. */
    public static Optional<Tool> detect(Object document) {
        if (!(document instanceof Map<?, ?> root)) {
            return Optional.empty();
        }
        Object api = root.get("apiVersion");
        if (api instanceof String a) {
            if (a.startsWith("k0sctl.k0sproject.io/")) {
                return Optional.of(Tool.K0SCTL);
            }
            if (a.startsWith("launchpad.mirantis.com/")) {
                return Optional.of(Tool.LAUNCHPAD);
            }
            if (a.startsWith("mke.mirantis.com/")) {
                return Optional.of(Tool.MKE4);
            }
        }
        if (root.size() == 1 && root.get("hosts") instanceof List) {
            return Optional.of(Tool.MKECTL);
        }
        return Optional.empty();
    }

    public static void load(Tool tool, Object document, InventoryData data, String file) {
        Map<?, ?> root = (Map<?, ?>) document;
        Object hosts;
        if (tool == Tool.MKECTL) {
            hosts = root.get("hosts");
        } else {
            if (!(root.get("spec") instanceof Map<?, ?> spec)) {
                throw new InvalidInput(Position.of(file), tool.prefix + " file has no 'spec' mapping");
            }
            hosts = spec.get("hosts");
        }
        if (!(hosts instanceof List<?> list)) {
            throw new InvalidInput(Position.of(file), tool.prefix + " file: 'hosts' must be a list of hosts");
        }
        int index = 0;
        for (Object h : list) {
            index++;
            if (!(h instanceof Map<?, ?> host)) {
                throw new InvalidInput(Position.of(file), tool.prefix + " file: host #" + index + " is not a mapping");
            }
            addHost(tool, host, data, file, index);
        }
    }

    private static void addHost(Tool tool, Map<?, ?> host, InventoryData data, String file, int index) {
        Map<String, Object> vars = new LinkedHashMap<>();
        Map<?, ?> conn = tool == Tool.MKECTL ? host : null;
        String connection = null;
        if (conn == null) {
            for (String kind : List.of("ssh", "openSSH")) {
                if (host.get(kind) instanceof Map<?, ?> m) {
                    conn = m;
                }
            }
            if (host.get("localhost") instanceof Map<?, ?> local && Boolean.TRUE.equals(local.get("enabled"))) {
                connection = "local";
            }
            if (host.get("winRM") instanceof Map<?, ?> m) {
                conn = m;
                connection = "winrm";
            }
        }
        String address = conn == null ? null : text(conn.get("address"));
        String name = text(host.get("hostname"));
        if (name == null) {
            name = address != null ? address : connection != null && connection.equals("local") ? "localhost" : null;
        }
        if (name == null) {
            throw new InvalidInput(Position.of(file), tool.prefix + " file: host #" + index
                    + " has no address (set ssh.address)");
        }
        if (conn != null) {
            if (address != null) {
                vars.put("ansible_host", address);
            }
            if (conn.get("port") != null) {
                vars.put("ansible_port", number(conn.get("port")));
            }
            if (conn.get("user") != null) {
                vars.put("ansible_user", text(conn.get("user")));
            }
            if (conn.get("keyPath") != null) {
                vars.put("ansible_ssh_private_key_file", text(conn.get("keyPath")));
            }
            if (conn.get("bastion") instanceof Map<?, ?> b && b.get("address") != null) {
                String jump = (b.get("user") == null ? "" : text(b.get("user")) + "@") + text(b.get("address"))
                        + (b.get("port") == null ? "" : ":" + b.get("port"));
                vars.put("ansible_ssh_common_args", "-o ProxyJump=" + jump);
                vars.put("unwind_bastion", copy(b));
            }
            if (conn.get("configPath") != null && !vars.containsKey("ansible_ssh_common_args")) {
                vars.put("ansible_ssh_common_args", "-F " + text(conn.get("configPath")));
            }
        }
        if (connection != null) {
            vars.put("ansible_connection", connection);
        }
        for (Map.Entry<?, ?> e : host.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (tool == Tool.MKECTL && List.of("address", "port", "user", "keyPath").contains(key)) {
                continue;
            }
            if (tool != Tool.MKECTL && List.of("ssh", "openSSH", "localhost", "winRM", "hostname").contains(key)) {
                continue;
            }
            vars.put(tool.prefix + "_" + snake(key), e.getValue());
        }
        if (data.hosts().containsKey(name)) {
            name = name + "_" + (vars.get("ansible_port") == null ? index : vars.get("ansible_port"));
        }
        List<String> groups = groups(tool, text(host.get("role")));
        for (String g : groups) {
            data.addGroup(g);
        }
        data.addHost(name, groups.isEmpty() ? null : groups.get(0), null);
        for (String g : groups) {
            data.addChild(g, name);
        }
        for (Map.Entry<String, Object> v : vars.entrySet()) {
            data.setVariable(name, v.getKey(), v.getValue());
        }
    }

    static List<String> groups(Tool tool, String role) {
        if (role == null || tool == Tool.MKECTL) {
            return List.of();
        }
        return switch (role) {
            case "controller+worker", "single" -> List.of("controller", "worker");
            default -> List.of(role.replaceAll("[^\\w]", "_"));
        };
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^\\w]", "_").toLowerCase();
    }

    private static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static Object number(Object o) {
        if (o instanceof Number) {
            return o;
        }
        try {
            return Long.parseLong(String.valueOf(o).strip());
        } catch (NumberFormatException e) {
            return String.valueOf(o);
        }
    }
}
