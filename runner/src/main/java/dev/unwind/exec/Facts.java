package dev.unwind.exec;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small, cheap set of facts, one command per host, named as Ansible names them. */
final class Facts {
    private static final String SCRIPT = "echo \"hostname=$(uname -n)\"; echo \"architecture=$(uname -m)\"; "
            + "echo \"kernel=$(uname -r)\"; echo \"system=$(uname -s)\"; "
            + "if [ -r /etc/os-release ]; then . /etc/os-release; echo \"id=$ID\"; echo \"version=$VERSION_ID\"; "
            + "echo \"like=$ID_LIKE\"; echo \"codename=$VERSION_CODENAME\"; fi";

    private Facts() {
    }

    static Map<String, Object> gather(Connection conn) throws ConnectionException {
        ExecResult r = conn.exec(Command.of(SCRIPT));
        if (!r.ok()) {
            throw new IllegalStateException("gathering facts failed: " + r.stderr().strip());
        }
        Map<String, String> raw = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                raw.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        String id = raw.getOrDefault("id", "");
        Map<String, Object> f = new LinkedHashMap<>();
        String hostname = raw.getOrDefault("hostname", "");
        f.put("hostname", hostname.contains(".") ? hostname.substring(0, hostname.indexOf('.')) : hostname);
        f.put("nodename", hostname);
        f.put("architecture", raw.getOrDefault("architecture", ""));
        f.put("kernel", raw.getOrDefault("kernel", ""));
        f.put("system", raw.getOrDefault("system", ""));
        f.put("distribution", distribution(id));
        f.put("distribution_version", raw.getOrDefault("version", ""));
        f.put("distribution_release", raw.getOrDefault("codename", ""));
        f.put("os_family", family(id, raw.getOrDefault("like", "")));
        Map<String, Object> out = new LinkedHashMap<>();
        f.forEach((k, v) -> out.put("ansible_" + k, v));
        out.put("ansible_facts", f);
        return out;
    }

    private static String distribution(String id) {
        return switch (id) {
            case "debian" -> "Debian";
            case "ubuntu" -> "Ubuntu";
            case "centos" -> "CentOS";
            case "rhel" -> "RedHat";
            case "rocky" -> "Rocky";
            case "almalinux" -> "AlmaLinux";
            case "fedora" -> "Fedora";
            case "ol" -> "OracleLinux";
            case "sles", "sled" -> "SLES";
            case "opensuse-leap", "opensuse" -> "openSUSE Leap";
            case "alpine" -> "Alpine";
            case "" -> "";
            default -> Character.toUpperCase(id.charAt(0)) + id.substring(1);
        };
    }

    private static String family(String id, String like) {
        String all = id + " " + like;
        if (all.matches(".*\\b(debian|ubuntu)\\b.*")) {
            return "Debian";
        }
        if (all.matches(".*\\b(rhel|centos|fedora|rocky|almalinux|ol)\\b.*")) {
            return "RedHat";
        }
        if (all.matches(".*\\b(suse|sles|opensuse)\\b.*")) {
            return "Suse";
        }
        if (id.equals("alpine")) {
            return "Alpine";
        }
        return distribution(id);
    }
}
