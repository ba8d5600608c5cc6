package dev.unwind.testing.node;

import dev.unwind.lab.swarm.LabNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a node is, as a person auditing it would compare before and after: installed packages, service states,
 * per-namespace sysctl values, the hostname, and the file trees where the everyday modules act (kind, mode, numeric
 * owner, link target and SHA-256 of every entry). Taken as root through the outer engine, not over the connection
 * under test. unwind's own working areas (lock, markers, before-images) and what moves by itself on a running
 * system (the login sessions of the test's own SSH connections, conntrack counters) are left out.
 */
public record NodeState(Map<String, String> parts) {
    /** The file trees compared: configuration, add-on software, homes, served data, local programs, crontabs. */
    public static final List<String> TREES = List.of("/etc", "/opt", "/home", "/srv", "/root", "/usr/local", "/var/spool/cron");

    private static final Map<String, String> PROBES = probes();

    private static Map<String, String> probes() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("packages", "dpkg-query -W -f='${Package} ${Version} ${db:Status-Abbrev}\\n' | sort");
        // load, active and sub state of every service, and every unit file's enablement (masked included)
        p.put("services", "systemctl list-units --all --type=service --no-legend --plain | awk '{print $1, $2, $3, $4}'"
                + " | grep -v -E '^(user@|user-runtime-dir@)' | sort; systemctl list-unit-files --no-legend --plain"
                + " | awk '{print $1, $2}' | sort");
        p.put("sysctl", "sysctl -a --pattern '^net\\.' 2>/dev/null | grep -v -E 'nf_conntrack_(count|expect)' | sort");
        p.put("hostname", "hostname; cat /proc/sys/kernel/hostname");
        p.put("crontabs", "for u in $(ls /var/spool/cron/crontabs 2>/dev/null); do echo \"== $u\"; crontab -l -u \"$u\"; done");
        for (String tree : TREES) {
            p.put(tree, "[ -e " + tree + " ] || exit 0; cd " + tree + " && find . -path '*/.unwind*' -prune -o -name '*.unwind.*' -prune"
                    + " -o -printf '%p %y %m %U %G [%l]\\n' | LC_ALL=C sort; find . -path '*/.unwind*' -prune -o -name '*.unwind.*'"
                    + " -prune -o -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum");
        }
        return p;
    }

    public static NodeState of(LabNode node) {
        Map<String, String> parts = new LinkedHashMap<>();
        PROBES.forEach((name, script) -> parts.put(name, node.sh(script)));
        return new NodeState(parts);
    }

    /** The parts that differ, each with the lines only one side has: a failure message a person can act on. */
    public String differences(NodeState other) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts.keySet()) {
            String a = parts.get(part);
            String b = other.parts.get(part);
            if (Objects.equals(a, b)) {
                continue;
            }
            Set<String> left = new TreeSet<>(List.of(a.split("\n")));
            Set<String> right = new TreeSet<>(List.of(b.split("\n")));
            List<String> lines = new ArrayList<>();
            left.stream().filter(l -> !right.contains(l)).forEach(l -> lines.add("  - " + l));
            right.stream().filter(l -> !left.contains(l)).forEach(l -> lines.add("  + " + l));
            sb.append(part).append(":\n").append(String.join("\n", lines.subList(0, Math.min(lines.size(), 40)))).append('\n');
        }
        return sb.toString();
    }
}
