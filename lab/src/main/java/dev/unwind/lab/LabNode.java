package dev.unwind.lab;

import dev.unwind.lab.scenario.NodeSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running lab node.
 *
 * @param sandbox  the node's own folder: its HOME, working folder, and the root of every path the
 *                 playbook's path variables point at
 */
public record LabNode(String name, NodeSpec.Role role, String address, int port, Path sandbox) {

    public boolean manager() {
        return role == NodeSpec.Role.MANAGER;
    }

    /** The playbook's path variables (docs/lab-contract.md) and unwind's lock, pointed into this node's sandbox. */
    public Map<String, String> pathVariables() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("k0s_config_dir", sandbox.resolve("etc/k0s").toString());
        v.put("k0s_data_dir", sandbox.resolve("var/lib/k0s").toString());
        v.put("bin_dir", sandbox.resolve("usr/local/bin").toString());
        v.put("mke_backup_dir", sandbox.resolve("var/lib/unwind/mke-backup").toString());
        // unwind's own host lock: the nodes share this machine's /run/lock, so each keeps its own
        v.put("unwind_lock_path", sandbox.resolve("run/lock/unwind.lock").toString());
        return v;
    }
}
