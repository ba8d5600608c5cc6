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
 * The cycle itself, with modules unwind has long had, on two real Debian nodes: a unit file copied and its service
 * started and enabled, a folder under /opt, a line in /etc. The cycle must see each of those changes and their
 * undoing, or it could not fail for the new modules either.
 */
@Tag("swarm-lab")
class PlayCycleTest {
    static final SwarmLab lab = SwarmLab.plainNodes(2);
    @RegisterExtension
    static final SwarmLabExtension up = new SwarmLabExtension(lab);

    @TempDir
    Path dir;

    @Test
    void aUnitCopiedAndStartedAndAFileEditIsPredictedRepeatedAndUndone() {
        PlayCycle cycle = new PlayCycle(lab, dir);
        cycle.write("hello.service", """
                [Unit]
                Description=says hello
                [Service]
                ExecStart=/bin/sleep infinity
                [Install]
                WantedBy=multi-user.target
                """);
        Map<String, NodeState> after = cycle.verify("""
                - hosts: all
                  gather_facts: false
                  become: true
                  tasks:
                    - copy: src=hello.service dest=/etc/systemd/system/hello.service mode=0644
                    - systemd: name=hello state=started enabled=true daemon_reload=true
                    - file: path=/opt/hello/conf.d state=directory mode=0750
                    - lineinfile: path=/etc/environment line="HELLO=1" create=true
                """);

        NodeState node1 = after.get("node1");
        assertThat(node1.parts().get("services")).contains("hello.service loaded active running", "hello.service enabled");
        assertThat(node1.parts().get("/opt")).contains("./hello/conf.d d 750 0 0");
        assertThat(node1.parts().get("/etc")).contains("./systemd/system/hello.service f 644 0 0");
    }
}
