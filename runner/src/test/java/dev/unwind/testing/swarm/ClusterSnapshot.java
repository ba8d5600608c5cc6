package dev.unwind.testing.swarm;

import dev.unwind.lab.swarm.LabNode;
import dev.unwind.lab.swarm.Mke3Kubernetes;
import dev.unwind.lab.swarm.NodeImage;
import dev.unwind.lab.swarm.SwarmLab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the upgrade may change on a {@link SwarmLab}, read from inside every node (as root, not through the code
 * under test), to compare before and after a run:
 * <ul>
 * <li>files: every file, folder and link under the paths the playbook touches ({@link #PATHS}: k0s's configuration,
 * data and binary, unwind's backups, systemd's unit folder, k0s's run state, the CNI configuration) with mode, owner and a SHA-256 of
 * the content;</li>
 * <li>systemd: the k0s units systemd knows, their load, active and enablement state;</li>
 * <li>Docker: every container by ID, name, image and state — except Swarm service tasks: the running ones are
 * recorded as "service NAME: running" (a task's container is the scheduler's to replace, after a reboot too);</li>
 * <li>the Swarm (from a manager): every node's hostname, manager status, status and availability; the services
 * and their replicas;</li>
 * <li>MKE 3's Kubernetes: every seeded object with its UID and resourceVersion, read through the real API server.</li>
 * </ul>
 */
public record ClusterSnapshot(Map<String, List<String>> byNode) {
    static final List<String> PATHS = List.of("/etc/k0s", "/var/lib/k0s", "/usr/local/bin/k0s", "/var/lib/unwind",
            "/etc/systemd/system", "/run/k0s", "/etc/cni");

    private static final String SCRIPT = "for p in " + String.join(" ", PATHS) + "; do"
            + " [ -e \"$p\" ] || continue;"
            + " find \"$p\" -printf 'file %y %m %u:%g %p%l\\n' | LC_ALL=C sort;"
            + " find \"$p\" -type f -exec sha256sum {} + | LC_ALL=C sort -k2 | sed 's/^/sha256 /';"
            + " done;"
            + " systemctl list-units --all --plain --no-legend --no-pager 'k0s*' | sed 's/^/unit /';"
            + " for u in k0scontroller k0sworker; do echo \"unit-file $u $(systemctl is-enabled $u 2>/dev/null)\"; done;"
            + " docker ps --filter label=com.docker.swarm.task.id --format 'service {{.Label \"com.docker.swarm.service.name\"}}: {{.State}}' | LC_ALL=C sort;"
            + " docker ps -a --format '{{.ID}} {{.Names}} {{.Image}} {{.State}} {{.Label \"com.docker.swarm.task.id\"}}'"
            + " | awk 'NF == 4 { print \"container \" $0 }' | LC_ALL=C sort";

    private static final String SWARM = "docker node ls --format 'swarm node {{.Hostname}} {{.ManagerStatus}} {{.Status}} {{.Availability}}'"
            + " | LC_ALL=C sort; docker service ls --format 'swarm service {{.Name}} {{.Mode}} {{.Replicas}}' | LC_ALL=C sort";

    public static ClusterSnapshot of(SwarmLab lab) {
        Map<String, List<String>> out = new TreeMap<>();
        for (LabNode n : lab.nodes()) {
            out.put(n.name(), n.sh(SCRIPT).lines().toList());
        }
        out.put("swarm", lab.leader().sh(SWARM).lines().toList());
        if (lab.mke3Kubernetes() != null) {
            out.put("mke3-kubernetes", lab.mke3Kubernetes().seededObjects());
        }
        return new ClusterSnapshot(out);
    }

    /** What differs, as "- node: line" (only before) and "+ node: line" (only now); empty when identical. */
    public List<String> diff(ClusterSnapshot now) {
        List<String> d = new ArrayList<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(byNode.keySet());
        keys.addAll(now.byNode.keySet());
        for (String k : keys) {
            List<String> a = byNode.getOrDefault(k, List.of());
            List<String> b = now.byNode.getOrDefault(k, List.of());
            a.stream().filter(l -> !b.contains(l)).forEach(l -> d.add("- " + k + ": " + l));
            b.stream().filter(l -> !a.contains(l)).forEach(l -> d.add("+ " + k + ": " + l));
        }
        return d;
    }

    /** The lines of one node (or "swarm"). */
    public List<String> of(String node) {
        return byNode.getOrDefault(node, List.of());
    }
}
