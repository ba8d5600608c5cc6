package dev.unwind.testing.node;

import dev.unwind.testing.swarm.SwarmLab;
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
    @RegisterExtension
    static final SwarmLab lab = SwarmLab.plainNodes(2);

    @TempDir
    Path dir;

    @Test
    void timezoneAndModuleBootFilesArePredictedRepeatedAndUndone() {
        PlayCycle cycle = new PlayCycle(lab, dir);
        Map<String, NodeState> after = cycle.verify("""
                - hosts: all
                  gather_facts: false
                  become: true
                  tasks:
                    - timezone: name=Europe/Berlin
                    - modprobe: name=overlay state=present params="redirect_dir=on index=off" persistent=present
                """);
        NodeState node1 = after.get("node1");
        assertThat(node1.parts().get("/etc")).containsPattern("\\./localtime l 777 0 0 \\[(\\.\\.)?/usr/share/zoneinfo/Europe/Berlin]")
                .contains("./modules-load.d/overlay.conf f 644 0 0", "./modprobe.d/overlay.conf f 644 0 0");
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
