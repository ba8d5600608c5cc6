package dev.unwind.lab;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The lab as an INI inventory that {@code unwind play}, {@code unwind upgrade} and {@code unwind inventory}
 * read: groups {@code managers} and {@code workers}, how to reach each node (address, port, user, the lab's
 * key and known_hosts), and the playbook's variables: its paths pointed into each node's sandbox, the k0s
 * binary, the UCP URL and CA file. Those are host variables on purpose: in Ansible's precedence they beat
 * group variables, including a playbook's {@code group_vars/all}, where a playbook keeps its defaults.
 */
final class LabInventory {
    private LabInventory() {
    }

    static void write(Path file, String scenario, String version, List<LabNode> nodes, String user, Path key, Path knownHosts,
                      Path k0sBinary, URI ucpUrl, Path ucpCa, String adminUser) throws IOException {
        StringBuilder ini = new StringBuilder();
        ini.append("# The unwind lab \"").append(scenario).append("\": MKE ").append(version).append(", ")
                .append(nodes.stream().filter(LabNode::manager).count()).append(" manager(s), ")
                .append(nodes.stream().filter(n -> !n.manager()).count()).append(" worker(s).\n")
                .append("# The path variables point into each node's sandbox: nothing on this machine outside the lab changes.\n");
        for (boolean managers : new boolean[] {true, false}) {
            ini.append('[').append(managers ? "managers" : "workers").append("]\n");
            for (LabNode n : nodes) {
                if (n.manager() != managers) {
                    continue;
                }
                ini.append(n.name()).append(" ansible_host=").append(n.address()).append(" ansible_port=").append(n.port());
                Map<String, String> vars = new java.util.LinkedHashMap<>(n.pathVariables());
                vars.put("k0s_binary_src", k0sBinary.toString());
                vars.put("docker", "docker");
                // its MKE 3 has no Kubernetes to carry over (docs/lab-contract.md)
                vars.put("carry_kubernetes_state", "False");   // a Python literal: a boolean, as Ansible reads it
                vars.put("mke3_url", ucpUrl.toString());
                vars.put("mke3_ca_file", ucpCa.toString());
                vars.put("mke3_admin_username", adminUser);
                for (Map.Entry<String, String> v : vars.entrySet()) {
                    ini.append(' ').append(v.getKey()).append('=').append(quote(v.getValue()));
                }
                ini.append('\n');
            }
            ini.append('\n');
        }
        ini.append("[all:vars]\n")
                .append("ansible_user=").append(user).append('\n')
                .append("ansible_ssh_private_key_file=").append(quote(key.toString())).append('\n')
                .append("ansible_ssh_common_args=").append(quote("-o UserKnownHostsFile=" + knownHosts
                        + " -o StrictHostKeyChecking=yes")).append('\n');
        Files.writeString(file, ini);
    }

    /** Ansible INI values: quoted when they hold spaces. */
    private static String quote(String v) {
        return v.matches("[A-Za-z0-9_./:@+=-]+") ? v : "'" + v.replace("'", "") + "'";
    }
}
