package dev.unwind.module.facts;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts Ansible's {@code setup} gathers on Linux that playbooks branch on, under Ansible's names and with its
 * values (a test compares them with {@code ansible -m setup} on the same host): one command per host,
 * {@link FactsProbe}'s script.
 */
public final class Facts {
    private Facts() {
    }

    public static Map<String, Object> gather(Connection conn) throws ConnectionException {
        ExecResult r = conn.exec(Command.of(FactsProbe.SCRIPT));
        if (!r.ok() && r.stdout().isBlank()) {
            throw new IllegalStateException("gathering facts failed: " + r.stderr().strip());
        }
        Map<String, Object> f = of(FactsProbe.parse(r.stdout()));
        Map<String, Object> out = new LinkedHashMap<>();
        f.forEach((k, v) -> out.put("ansible_" + k, v));
        out.put("ansible_facts", f);
        return out;
    }

    static Map<String, Object> of(FactsProbe p) {
        Map<String, Object> f = new LinkedHashMap<>();
        String id = p.one("id");
        String node = p.one("nodename");
        f.put("hostname", node.contains(".") ? node.substring(0, node.indexOf('.')) : node);
        f.put("nodename", node);
        String fqdn = fqdn(node, p.one("reverse"));
        f.put("fqdn", fqdn);
        f.put("domain", fqdn.contains(".") ? fqdn.substring(fqdn.indexOf('.') + 1) : "");
        String machine = p.one("machine");
        f.put("architecture", machine);
        f.put("machine", machine);
        f.put("userspace_bits", p.one("bits"));
        f.put("userspace_architecture", machine.equals("x86_64") && p.one("bits").equals("32") ? "i386" : machine);
        f.put("kernel", p.one("kernel"));
        f.put("kernel_version", p.one("kernel_version"));
        f.put("system", p.one("system"));
        String version = id.equals("debian") ? debianVersion(p) : p.one("version");
        f.put("distribution", distribution(id));
        f.put("distribution_version", version);
        f.put("distribution_major_version", version.contains(".") ? version.substring(0, version.indexOf('.')) : version);
        f.put("distribution_release", p.one("codename"));
        String family = family(id, p.one("like"));
        f.put("distribution_file_variety", family);
        f.put("os_family", family);
        f.put("pkg_mgr", p.all("pkg").isEmpty() ? "unknown" : p.all("pkg").get(0).replace("apt-get", "apt"));
        f.put("service_mgr", serviceManager(p.one("proc1"), !p.one("systemd_running").isEmpty()));
        if (!p.one("python").isEmpty()) {
            f.put("python_version", p.one("python"));
        }
        f.put("selinux", p.one("selinux").isEmpty() ? Map.of("status", "disabled")
                : Map.of("status", "enabled", "mode", p.one("selinux").equals("1") ? "enforcing" : "permissive"));
        f.put("apparmor", Map.of("status", p.one("apparmor").isEmpty() ? "disabled" : "enabled"));
        f.put("virtualization_type", p.one("virt").isEmpty() ? "NA" : p.one("virt"));
        f.put("virtualization_role", p.one("virt").isEmpty() ? "NA" : "guest");
        f.put("memtotal_mb", kbToMb(p.one("mem_MemTotal")));
        f.put("memfree_mb", kbToMb(p.one("mem_MemFree")));
        f.put("swaptotal_mb", kbToMb(p.one("mem_SwapTotal")));
        f.put("swapfree_mb", kbToMb(p.one("mem_SwapFree")));
        int vcpus = intOr(p.one("vcpus"), 1);
        int sockets = Math.max(1, intOr(p.one("sockets"), 1));
        f.put("processor_count", sockets);
        f.put("processor_cores", intOr(p.one("cores"), vcpus / sockets));
        f.put("processor_vcpus", vcpus);
        f.put("processor_nproc", intOr(p.one("nproc"), vcpus));
        String[] pw = p.one("passwd").split(":", -1);
        if (pw.length >= 7) {
            f.put("user_id", pw[0]);
            f.put("user_uid", intOr(pw[2], -1));
            f.put("user_gid", intOr(pw[3], -1));
            f.put("user_gecos", pw[4]);
            f.put("user_dir", pw[5]);
            f.put("user_shell", pw[6]);
        }
        if (!p.one("machine_id").isEmpty()) {
            f.put("machine_id", p.one("machine_id"));
        }
        f.put("system_vendor", p.one("dmi_sys_vendor").isEmpty() ? "NA" : p.one("dmi_sys_vendor"));
        f.put("product_name", p.one("dmi_product_name").isEmpty() ? "NA" : p.one("dmi_product_name"));
        FactsNetwork.of(p).into(f);
        f.put("mounts", mounts(p.all("mount")));
        f.put("date_time", dateTime(p.one("date")));
        f.put("env", p.env());
        return f;
    }

    /** Python's socket.getfqdn(): the first name with a dot among the host's address's names, else its first name. */
    private static String fqdn(String node, String reverse) {
        String[] names = reverse.isBlank() ? new String[0] : reverse.strip().split("\\s+");
        for (int i = 1; i < names.length; i++) {
            if (names[i].contains(".")) {
                return names[i];
            }
        }
        return names.length > 1 ? names[1] : node;
    }

    /**
     * Ansible's distribution_version on Debian, {@code distro.version(best=True)}: the host Python's own {@code distro}
     * module's answer where it has one (since distro 1.7 that reads /etc/debian_version, so {@code 12.11}); else the copy
     * Ansible ships (distro 1.6), the most precise of os-release's VERSION_ID and {@code lsb_release -r}, which on
     * Debian 12 are both {@code 12}; a host without Python (where Ansible gathers nothing) gets /etc/debian_version.
     */
    private static String debianVersion(FactsProbe p) {
        if (p.values().containsKey("distro_version")) {
            return p.one("distro_version");
        }
        if (p.one("python").isEmpty()) {
            return p.one("debian_version").matches("\\d+(\\.\\d+)*") ? p.one("debian_version") : p.one("version");
        }
        String osRelease = p.one("version");
        String lsb = p.one("lsb_release");
        return lsb.split("\\.", -1).length > osRelease.split("\\.", -1).length ? lsb : osRelease;
    }

    /** Ansible's ServiceMgrFactCollector, for Linux: PID 1's name, unless that is a generic init (then what runs). */
    private static String serviceManager(String proc1, boolean systemdRunning) {
        if (proc1.isEmpty() || java.util.Set.of("sh", "init", "bash", "runit", "busybox").contains(proc1)) {
            return systemdRunning ? "systemd" : "sysvinit";
        }
        return switch (proc1) {
            case "systemd" -> "systemd";
            case "openrc-init" -> "openrc";
            case "runit-init" -> "runit";
            default -> proc1;
        };
    }

    private static java.util.List<Map<String, Object>> mounts(java.util.List<String> lines) {
        java.util.List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (String line : lines) {
            String[] m = line.strip().split(" ");
            if (m.length < 11) {
                continue;
            }
            long frsize = Long.parseLong(m[4]);
            long blocks = Long.parseLong(m[5]);
            long avail = Long.parseLong(m[6]);
            long free = Long.parseLong(m[7]);
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("block_available", avail);
            x.put("block_size", Long.parseLong(m[8]));
            x.put("block_total", blocks);
            x.put("block_used", blocks - free);
            x.put("device", m[0]);
            x.put("fstype", m[2]);
            x.put("inode_available", Long.parseLong(m[10]));
            x.put("inode_total", Long.parseLong(m[9]));
            x.put("inode_used", Long.parseLong(m[9]) - Long.parseLong(m[10]));
            x.put("mount", m[1]);
            x.put("options", m[3]);
            x.put("size_available", avail * frsize);
            x.put("size_total", blocks * frsize);
            x.put("uuid", "N/A");
            out.add(x);
        }
        return out;
    }

    /** Ansible's date_time, from one {@code date} on the host (its own clock and time zone). */
    private static Map<String, Object> dateTime(String date) {
        String[] d = date.split("\\|", -1);
        Map<String, Object> t = new LinkedHashMap<>();
        if (d.length < 13) {
            return t;
        }
        String micro = d[12].length() >= 6 ? d[12].substring(0, 6) : d[12];
        t.put("date", d[0] + "-" + d[1] + "-" + d[2]);
        t.put("day", d[2]);
        t.put("epoch", d[11]);
        t.put("epoch_int", d[11]);
        t.put("hour", d[3]);
        java.time.Instant now = java.time.Instant.ofEpochSecond(Long.parseLong(d[11]));
        String utc = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(java.time.ZoneOffset.UTC).format(now);
        t.put("iso8601", utc + "Z");
        t.put("iso8601_basic", d[0] + d[1] + d[2] + "T" + d[3] + d[4] + d[5] + micro);
        t.put("iso8601_basic_short", d[0] + d[1] + d[2] + "T" + d[3] + d[4] + d[5]);
        t.put("iso8601_micro", utc + "." + micro + "Z");
        t.put("minute", d[4]);
        t.put("month", d[1]);
        t.put("second", d[5]);
        t.put("time", d[3] + ":" + d[4] + ":" + d[5]);
        t.put("tz", d[6]);
        t.put("tz_dst", d[6]);
        t.put("tz_offset", d[7]);
        t.put("weekday", d[8]);
        t.put("weekday_number", d[9]);
        t.put("weeknumber", d[10]);
        t.put("year", d[0]);
        return t;
    }

    private static int kbToMb(String kb) {
        return (int) (Long.parseLong(kb.isEmpty() ? "0" : kb) / 1024);
    }

    private static int intOr(String s, int fallback) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
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
