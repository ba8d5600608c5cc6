package dev.unwind.testing.node;

import dev.unwind.lab.swarm.SwarmLab;
import dev.unwind.testing.swarm.SwarmLabExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * timezone and modprobe on two real Debian nodes. A container cannot load kernel modules, so modprobe is held to the
 * cycle with a module the shared kernel already has loaded (overlay, which Docker itself uses): only its boot files
 * change; a module that is not loaded shows the failure the node gives.
 */
@Tag("swarm-lab")
class MoreModulesCycleTest {
    static final SwarmLab lab = SwarmLab.plainNodes(2);
    @RegisterExtension
    static final SwarmLabExtension up = new SwarmLabExtension(lab);

    @TempDir
    Path dir;

    @Test
    void timezoneModuleBootFilesAndKnownHostsArePredictedRepeatedAndUndone() {
        PlayCycle cycle = new PlayCycle(lab, dir);
        Map<String, NodeState> after = cycle.verify("""
                - hosts: all
                  gather_facts: false
                  become: true
                  tasks:
                    - timezone: name=Europe/Berlin
                    - modprobe: name=overlay state=present params="redirect_dir=on index=off" persistent=present
                    - known_hosts:
                        name: git.example
                        key: "git.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                        path: /etc/ssh/ssh_known_hosts
                        hash_host: true
                    - wait_for_connection: timeout=10
                    - setup: filter=ansible_distribution*
                      register: facts
                    - assert:
                        that: facts.ansible_facts.ansible_distribution == "Debian"
                """);
        NodeState node1 = after.get("node1");
        assertThat(node1.parts().get("/etc")).containsPattern("\\./localtime l 777 0 0 \\[(\\.\\.)?/usr/share/zoneinfo/Europe/Berlin]")
                .contains("./modules-load.d/overlay.conf f 644 0 0", "./modprobe.d/overlay.conf f 644 0 0",
                        "./ssh/ssh_known_hosts f 644 0 0");
    }

    @Test
    void persistentAbsentCommentsOutTheModuleWhereTheLinkLeadsAndTheUndoPutsItBack() {
        for (var node : lab.nodes()) {
            // Debian's /etc/modules-load.d/modules.conf is a link to /etc/modules
            node.sh("printf 'loop # at boot\\n' >> /etc/modules && printf 'options loop max_loop=8\\n' > /etc/modprobe.d/local-loop.conf");
        }
        PlayCycle cycle = new PlayCycle(lab, dir);
        Map<String, NodeState> after = cycle.verify("""
                - hosts: all
                  gather_facts: false
                  become: true
                  tasks:
                    - modprobe: name=loop persistent=absent
                """);
        NodeState node1 = after.get("node1");
        assertThat(node1.parts().get("/etc")).contains("./modules-load.d/modules.conf l 777 0 0 [../modules]");
        // the real run commented both lines out (the snapshot holds each file's SHA-256); the rollback put them back
        var n1 = lab.nodes().get(0);
        assertThat(node1.parts().get("/etc"))
                .contains(n1.sh("sed 's/^loop # at boot$/#&/' /etc/modules | sha256sum | cut -d' ' -f1") + "  ./modules")
                .contains(n1.sh("sed 's/^options loop/#&/' /etc/modprobe.d/local-loop.conf | sha256sum | cut -d' ' -f1")
                        + "  ./modprobe.d/local-loop.conf");
        assertThat(n1.sh("cat /etc/modules /etc/modprobe.d/local-loop.conf")).contains("\nloop # at boot\noptions loop max_loop=8");
        for (var node : lab.nodes()) {
            node.sh("sed -i '/^loop # at boot$/d' /etc/modules && rm /etc/modprobe.d/local-loop.conf");
        }
    }

    @Test
    void aModuleTheContainerCannotLoadFailsClearlyAndChangesNothing() {
        PlayCycle cycle = new PlayCycle(lab, dir);
        cycle.write("load.yml", """
                - hosts: all
                  gather_facts: false
                  become: true
                  tasks:
                    - modprobe: name=dummy params="numdummies=2" persistent=present
                """);
        Map<String, NodeState> before = cycle.states();
        var r = cycle.play("load.yml", null);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).contains("modprobe failed on node1").contains("usually refused in a container");
        cycle.assertSame(before, "a refused modprobe changes nothing");
    }
}
