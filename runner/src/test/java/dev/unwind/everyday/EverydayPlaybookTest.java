package dev.unwind.everyday;

import dev.unwind.testing.node.LabHttpServer;
import dev.unwind.testing.node.LocalAptRepo;
import dev.unwind.testing.node.NodeState;
import dev.unwind.testing.node.PlayCycle;
import dev.unwind.lab.swarm.LabNode;
import dev.unwind.lab.swarm.SwarmLab;
import dev.unwind.testing.swarm.SwarmLabExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One playbook using the everyday modules together on real systemd nodes: it installs a package from a local
 * repository, starts and enables a service from a unit it copies, adds a group and a user with an authorized key, sets
 * a per-namespace sysctl, adds a cron job, replaces a line, sets an ini option, downloads and unpacks an archive,
 * clones a git tag and sets the hostname. {@link PlayCycle} holds it to the promise: check mode predicts exactly the
 * real changes, a second run changes nothing, a rollback and a run failing at its last task each leave the nodes
 * exactly as before (packages, users and groups, services, sysctls, crontabs, hostname, /etc /opt /home /srv ...), and
 * so does kill -9 of the controller before a task picked at random, followed by {@code unwind rollback}.
 */
@Tag("swarm-lab")
class EverydayPlaybookTest {
    static final SwarmLab lab = SwarmLab.plainNodes(2);
    @RegisterExtension
    static final SwarmLabExtension up = new SwarmLabExtension(lab);

    @TempDir
    static Path fixtures;

    @TempDir
    Path dir;

    @BeforeAll
    static void nodes() {
        Path repo = LocalAptRepo.build(fixtures);
        lab.start();
        for (LabNode n : lab.nodes()) {
            LocalAptRepo.install(repo, n);
            // docker mounts /proc/sys read-only; the node's own network namespace is its to tune (net.* keys here)
            n.sh("mount -o remount,rw /proc/sys");
            // the name the play gives the node resolves, as an operator sees to before renaming (else sudo waits on DNS)
            n.sh("echo '127.0.1.1 " + n.name() + "-web' >> /etc/hosts");
        }
    }

    @Test
    void everyChangeIsPredictedRepeatedAndUndoneTogether() throws Exception {
        Path served = Files.createDirectories(dir.resolve("served"));
        Path release = Files.createDirectories(dir.resolve("release/app-1.0/bin"));
        Files.writeString(release.resolve("app"), "#!/bin/sh\necho app 1.0\n");
        sh(dir, "tar", "-C", dir.resolve("release").toString(), "--owner=0", "--group=0", "-czf",
                served.resolve("app.tar.gz").toString(), "app-1.0");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(served.resolve("app.tar.gz"))));
        Path work = dir.resolve("work");
        sh(dir, "git", "init", "-q", "--bare", "-b", "main", served.resolve("site.git").toString());
        sh(dir, "git", "clone", "-q", served.resolve("site.git").toString(), work.toString());
        Files.writeString(work.resolve("index.html"), "<h1>1.0</h1>\n");
        sh(work, "git", "add", "index.html");
        sh(work, "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "1.0");
        sh(work, "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "tag", "-a", "v1.0", "-m", "1.0");
        sh(work, "git", "push", "-q", "--tags", "origin", "main");
        sh(served.resolve("site.git"), "git", "update-server-info");
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEverydayPlaybookTestKeyForTheDeployUser00000 deploy@example";

        try (LabHttpServer http = LabHttpServer.serving(served, lab)) {
            PlayCycle cycle = new PlayCycle(lab, dir);
            cycle.write("web.service", """
                    [Unit]
                    Description=the site
                    [Service]
                    ExecStart=/bin/sleep infinity
                    [Install]
                    WantedBy=multi-user.target
                    """);
            Map<String, NodeState> after = cycle.verify("""
                    - hosts: all
                      gather_facts: true
                      become: true
                      tasks:
                        - apt: name=unwind-hello state=present
                        - copy: src=web.service dest=/etc/systemd/system/web.service mode=0644
                        - systemd: name=web state=started enabled=true daemon_reload=true
                        - group: name=deployers gid=4100
                        - user: name=deploy uid=4100 group=deployers shell=/bin/bash create_home=true
                        - authorized_key: user=deploy key="%3$s"
                        - sysctl: name=net.ipv4.ip_forward value=1 sysctl_file=/etc/sysctl.d/60-everyday.conf
                        - cron: name=backup user=deploy minute=15 hour=3 job="/usr/bin/true backup"
                        - replace:
                            path: /etc/login.defs
                            regexp: '^(UMASK\\s+)022$'
                            replace: '\\g<1>027'
                        - ini_file: path=/etc/systemd/journald.conf section=Journal option=Storage value=volatile no_extra_spaces=true
                        - get_url: url=%1$s/app.tar.gz dest=/opt/app.tar.gz checksum=sha256:%2$s mode=0640
                        - file: path=/opt/app state=directory mode=0755
                        - unarchive: src=/opt/app.tar.gz dest=/opt/app remote_src=true
                        - git: repo=%1$s/site.git dest=/srv/site version=v1.0
                        - hostname: name=${inventory_hostname}-web
                    """.formatted(http.base(), sha256, key));

            NodeState node1 = after.get("node1");
            assertThat(node1.parts().get("packages")).contains("unwind-hello 2.0 ii");
            assertThat(node1.parts().get("services")).contains("web.service loaded active running", "web.service enabled");
            assertThat(node1.parts().get("sysctl")).contains("net.ipv4.ip_forward = 1");
            assertThat(node1.parts().get("crontabs")).contains("== deploy", "15 3 * * * /usr/bin/true backup");
            assertThat(node1.parts().get("hostname")).startsWith("node1-web");
            assertThat(node1.parts().get("/opt")).contains("./app/app-1.0/bin/app f");
            assertThat(node1.parts().get("/srv")).contains("./site/index.html f 644 0 0");
            assertThat(node1.parts().get("/home")).contains("./deploy/.ssh/authorized_keys f 600 4100 4100");
            // the cycle ends rolled back: nothing of the play is left
            assertThat(lab.nodes().get(0).sh("getent passwd deploy || echo none; dpkg -s unwind-hello >/dev/null 2>&1 && echo installed"
                    + " || echo absent; hostname")).isEqualTo("none\nabsent\nnode1");
        }
    }

    private static void sh(Path in, String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).directory(in.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
    }
}
