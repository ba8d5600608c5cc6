package dev.unwind.edits;

import dev.unwind.testing.node.NodeState;
import dev.unwind.testing.node.LabHttpServer;
import dev.unwind.testing.node.PlayCycle;
import dev.unwind.lab.swarm.SwarmLab;
import dev.unwind.testing.swarm.SwarmLabExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * get_url from a server on this machine, unarchive of what it fetched, a git clone of a tag over HTTP, replace and
 * ini_file on files the nodes already have, and nested directories: on two real Debian nodes, through the whole cycle
 * (check predicts, real run, second run, rollback, a run failing at its end, kill -9 then rollback).
 */
@Tag("swarm-lab")
class EditAndFetchModulesTest {
    static final SwarmLab lab = SwarmLab.plainNodes(2);
    @RegisterExtension
    static final SwarmLabExtension up = new SwarmLabExtension(lab);

    @TempDir
    Path dir;
    LabHttpServer server;
    Path served;

    @BeforeEach
    void serve() throws Exception {
        served = Files.createDirectories(dir.resolve("served"));
        server = LabHttpServer.serving(served, lab);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void downloadsUnpacksClonesAndEditsArePredictedRepeatedAndUndone() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree/app-1.0/bin"));
        Files.writeString(tree.resolve("run"), "#!/bin/sh\necho run\n");
        Files.writeString(tree.getParent().resolve("README"), "release 1.0\n");
        sh(dir, "tar", "-C", dir.resolve("tree").toString(), "--owner=0", "--group=0", "-czf", served.resolve("app.tar.gz").toString(), "app-1.0");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(served.resolve("app.tar.gz"))));

        // an archive from the controller that replaces a file the nodes have
        Path etc = Files.createDirectories(dir.resolve("etc-tree"));
        Files.writeString(etc.resolve("motd"), "unpacked by unwind\n");
        sh(dir, "tar", "-C", etc.toString(), "--owner=0", "--group=0", "-czf", dir.resolve("etc.tar.gz").toString(), "motd");

        Path work = dir.resolve("work");
        sh(dir, "git", "init", "-q", "--bare", "-b", "main", served.resolve("repo.git").toString());
        sh(dir, "git", "clone", "-q", served.resolve("repo.git").toString(), work.toString());
        Files.writeString(work.resolve("app.conf"), "listen 8080\n");
        sh(work, "git", "add", "app.conf");
        sh(work, "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "v1");
        sh(work, "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "tag", "-a", "v1.0", "-m", "v1.0");
        sh(work, "git", "push", "-q", "--tags", "origin", "main");
        Files.writeString(work.resolve("app.conf"), "listen 9090\n");
        sh(work, "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-am", "v2");
        sh(work, "git", "push", "-q", "origin", "main");
        sh(served.resolve("repo.git"), "git", "update-server-info");

        String base = server.base();
        // a checkout the nodes have before the play, which the play updates: its undo must leave .git as it was
        lab.nodes().forEach(n -> n.sh("git clone -q --branch v1.0 " + base + "/repo.git /srv/pre 2>&1"));
        PlayCycle cycle = new PlayCycle(lab, dir);
        Map<String, NodeState> after = cycle.verify("""
                - hosts: all
                  gather_facts: false
                  become: true
                  tasks:
                    - file: path=/srv/app/releases/current state=directory mode=0750 owner=root group=root
                    - get_url: url=%1$s/app.tar.gz dest=/srv/app/app.tar.gz checksum=sha256:%2$s mode=0640
                    - unarchive: src=/srv/app/app.tar.gz dest=/srv/app/releases/current remote_src=true extra_opts=--strip-components=1
                    - git: repo=%1$s/repo.git dest=/srv/app/checkout version=v1.0
                    - unarchive: src=etc.tar.gz dest=/etc
                    - git: repo=%1$s/repo.git dest=/srv/pre version=main
                    - replace:
                        path: /etc/login.defs
                        regexp: '^(UMASK\\s+)022$'
                        replace: '\\g<1>027'
                    - ini_file: path=/etc/systemd/journald.conf section=Journal option=Storage value=volatile no_extra_spaces=true
                    - ini_file: path=/etc/unwind-app.ini section=main option=listen value="8080" mode=0600
                """.formatted(base, sha256));

        NodeState node1 = after.get("node1");
        lab.nodes().forEach(n -> n.sh("rm -rf /srv/pre"));
        assertThat(node1.parts().get("/srv")).contains("./app/releases/current d 750 0 0", "./app/app.tar.gz f 640 0 0",
                "./app/releases/current/README f 644 0 0", "./app/checkout/app.conf f 644 0 0");
        assertThat(node1.parts().get("/etc")).contains("./unwind-app.ini f 600 0 0");
        // the cycle ends rolled back: the edits are gone again
        assertThat(lab.nodes().get(0).sh("grep -E '^UMASK' /etc/login.defs; grep -c '^Storage' /etc/systemd/journald.conf || true"))
                .matches("UMASK\\s+022\n0");
    }

    @Test
    void tenNestedDirectoriesWithAttributesAreOneTaskOfTwoCommandsPerHost() {
        PlayCycle cycle = new PlayCycle(lab, dir);
        cycle.write("dirs.yml", """
                - hosts: all
                  gather_facts: false
                  become: true
                  tasks:
                    - file: path=/srv/d1/d2/d3/d4/d5/d6/d7/d8/d9/d10 state=directory mode=0750 owner=lab group=lab
                """);
        long t0 = System.nanoTime();
        var real = cycle.play("dirs.yml", null);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(real.exitCode()).as("%s", real).isZero();
        assertThat(PlayCycle.changedByHost(real).values()).containsOnly(1);
        System.err.println("10 nested directories with mode, owner and group on 2 hosts: " + ms + " ms");
        assertThat(lab.nodes().get(1).sh("stat -c '%a %U %G' /srv/d1 /srv/d1/d2/d3/d4/d5/d6/d7/d8/d9/d10"))
                .isEqualTo("750 lab lab\n750 lab lab");
        assertThat(cycle.play("dirs.yml", null).exitCode()).isZero();
        lab.nodes().forEach(n -> n.sh("rm -rf /srv/d1"));
    }

    private static void sh(Path in, String... cmd) throws Exception {
        List<String> argv = new ArrayList<>(List.of(cmd));
        Process p = new ProcessBuilder(argv).directory(in.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
    }
}
