package dev.unwind.packages;

import dev.unwind.cli.Cli;
import dev.unwind.testing.node.NodeState;
import dev.unwind.testing.node.LocalAptRepo;
import dev.unwind.testing.node.PlayCycle;
import dev.unwind.lab.swarm.LabNode;
import dev.unwind.lab.swarm.SwarmLab;
import dev.unwind.testing.swarm.SwarmLabExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * apt, package, service, systemd_service and sysctl held to the whole change cycle ({@link PlayCycle}) on two real
 * Debian nodes with a local apt repository: each playbook starts from packages set up before the snapshot.
 */
@Tag("swarm-lab")
class PackageModulesTest {
    static final SwarmLab lab = SwarmLab.plainNodes(2);
    @RegisterExtension
    static final SwarmLabExtension up = new SwarmLabExtension(lab);

    @TempDir
    static Path repoDir;

    @TempDir
    Path dir;

    @BeforeAll
    static void repository() {
        Path repo = LocalAptRepo.build(repoDir);
        lab.start();
        for (LabNode n : lab.nodes()) {
            LocalAptRepo.install(repo, n);
            // docker mounts /proc/sys read-only; the node's own network namespace is its to tune (net.* keys only here)
            n.sh("mount -o remount,rw /proc/sys");
        }
    }

    private static final String HELLO_1 = "apt-get -q -y install unwind-hello=1.0 >/dev/null";

    /**
     * The playbooks: how each node is set up before (shell), the tasks, and a line the real run's node state must hold
     * (or, after {@code !}, must not).
     */
    static Stream<Arguments> playbooks() {
        return Stream.of(
                Arguments.of("a new package with its dependency, its service started and enabled", "", """
                        - apt: name=unwind-extra state=present
                        - service: name=unwind-hello state=started enabled=true
                        """, "packages", "unwind-extra 1.0 ii"),
                Arguments.of("an upgrade to the latest version is undone by reinstalling 1.0", HELLO_1, """
                        - apt: name=unwind-hello state=latest
                        """, "packages", "unwind-hello 2.0 ii"),
                Arguments.of("a pin through package, installing a version", "", """
                        - package: name=unwind-hello=1.0 state=present install_recommends=false
                        """, "packages", "unwind-hello 1.0 ii"),
                Arguments.of("a purge that takes a dependent too is undone by reinstalling both exact versions",
                        "apt-get -q -y install unwind-hello=1.0 unwind-extra >/dev/null", """
                        - apt:
                            name: [unwind-hello]
                            state: absent
                            purge: true
                        """, "/etc", "./systemd/system/multi-user.target.wants d"),
                Arguments.of("a unit masked and a sysctl set in a file of /etc/sysctl.d", HELLO_1, """
                        - systemd_service: name=unwind-hello masked=true
                        - sysctl: name=net.core.somaxconn value=1024 sysctl_file=/etc/sysctl.d/60-unwind.conf sysctl_set=true
                        - sysctl: name=net.ipv4.conf.all.rp_filter value=2 sysctl_file=/etc/sysctl.d/60-unwind.conf
                        """, "sysctl", "net.core.somaxconn = 1024"),
                Arguments.of("a .deb file on the host, upgrading 1.0", HELLO_1, """
                        - apt: deb=/var/lib/unwind-test-repo/unwind-hello_2.0_all.deb
                        """, "packages", "unwind-hello 2.0 ii"),
                Arguments.of("a purge of a package whose conffile was edited gives the host's conffile back",
                        HELLO_1 + " && echo edited >> /etc/unwind-hello.conf", """
                        - apt: name=unwind-hello state=absent purge=true
                        """, "/etc", "!./unwind-hello.conf"),
                Arguments.of("a purge of a package with only its conffiles left gives them back, and dpkg's record of it",
                        HELLO_1 + " && echo edited >> /etc/unwind-hello.conf && apt-get -q -y remove unwind-hello >/dev/null", """
                        - apt: name=unwind-hello state=absent purge=true
                        """, "packages", "!unwind-hello"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("playbooks")
    void isPredictedRepeatedAndUndone(String title, String setup, String tasks, String part, String expected) {
        given(setup);
        PlayCycle cycle = new PlayCycle(lab, dir);
        Map<String, NodeState> after = cycle.verify("""
                - hosts: all
                  gather_facts: false
                  become: true
                  tasks:
                """ + tasks.indent(4));
        String seen = after.get("node1").parts().get(part);
        if (expected.startsWith("!")) {
            assertThat(seen).as(title).doesNotContain(expected.substring(1));
        } else {
            assertThat(seen).as(title).contains(expected);
        }
    }

    @Test
    void anUndoWhosePriorVersionIsGoneFailsNamingIt() {
        given(HELLO_1);
        PlayCycle cycle = new PlayCycle(lab, dir);
        cycle.write("site.yml", """
                - hosts: node1
                  gather_facts: false
                  become: true
                  tasks:
                    - apt: name=unwind-hello state=latest
                """);
        Cli.Result real = cycle.play("site.yml", null);
        assertThat(real.exitCode()).as("%s", real).isZero();
        String run = cycle.runIds().get(0);
        LabNode node = lab.node("node1");
        // neither the kept .deb nor the repository's
        node.sh("rm -rf /var/lib/unwind/debs && mv " + LocalAptRepo.ON_NODE + "/unwind-hello_1.0_all.deb /root/");
        try {
            // the repository's index still names 1.0: apt-cache offers what apt-get then cannot fetch
            Cli.Result rollback = cycle.cli().run("rollback", run, "--known-hosts", lab.knownHosts().toString());
            assertThat(rollback.exitCode()).as("%s", rollback).isNotZero();
            assertThat(rollback.out() + rollback.err()).contains("unwind-hello").contains("1.0");
        } finally {
            node.sh("mv /root/unwind-hello_1.0_all.deb " + LocalAptRepo.ON_NODE + "/");
        }
    }

    /** Each node with none of the repository's packages, nothing masked, then set up by {@code setup}. */
    private static void given(String setup) {
        for (LabNode n : lab.nodes()) {
            n.sh("systemctl unmask unwind-hello.service >/dev/null 2>&1; rm -f /etc/sysctl.d/60-unwind.conf;"
                    + " export DEBIAN_FRONTEND=noninteractive; apt-get -q -y purge unwind-extra unwind-hello >/dev/null 2>&1;"
                    + " rm -rf /var/lib/unwind/debs"
                    + (setup.isBlank() ? "" : "; " + setup));
        }
    }
}
