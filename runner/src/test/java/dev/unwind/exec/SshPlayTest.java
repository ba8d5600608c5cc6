package dev.unwind.exec;

import dev.unwind.cli.Cli;
import dev.unwind.testing.SshdHosts;
import dev.unwind.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Playbooks over real SSH to real sshd hosts: the fault matrix's playbook, a failure, and a connection killed mid-task. */
class SshPlayTest {
    static final Path FAULTS = Path.of("src/test/resources/playbooks/faults/site.yml").toAbsolutePath();
    @RegisterExtension
    static SshdHosts sshd = new SshdHosts(3);

    @TempDir
    Path root;
    LocalHosts files;
    Path inventory;

    @BeforeEach
    void hostsWithHistory() throws IOException {
        files = new LocalHosts(root, "h1", "h2", "h3");
        files.inventory();
        files.withHistory();
        inventory = sshd.inventory(root.resolve("ssh.ini"), root.resolve("hosts"), root.resolve("locks"), "");
        // the hosts log in as the test user: the folders they change must be theirs
        if (!TestUsers.loginUser().equals(System.getProperty("user.name"))) {
            TestUsers.run(java.util.List.of("chmod", "1777", root.toString()), null);
            TestUsers.run(java.util.List.of("chown", "-R", TestUsers.loginUser() + ":" + TestUsers.loginUser(), root.resolve("hosts").toString(),
                    root.resolve("locks").toString()), null);
        }
    }

    private Cli.Result play(String... extra) {
        return play(FAULTS, extra);
    }

    private Cli.Result play(Path playbook, String... extra) {
        String[] base = {"play", playbook.toString(), "-i", inventory.toString(), "--known-hosts", sshd.knownHosts()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return new Cli(root.resolve("home")).run(all);
    }

    @Test
    void aPlaybookRunsOverSshAndASecondRunChangesNothing() {
        Path everything = Path.of("src/test/resources/playbooks/everything/site.yml").toAbsolutePath();
        Cli.Result first = play(everything);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(files.dir("h3").resolve("marker")).exists();

        Cli.Result second = play(everything);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("changed=0");
    }

    @Test
    void aFailureOverSshUnwindsEveryHost() {
        Map<String, String> before = files.snapshot();

        Cli.Result r = play("-e", "fail_at=7");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(files.snapshot()).isEqualTo(before);
    }

    @Test
    void aConnectionKilledMidTaskMakesTheHostUnreachableAndTheRunUnwinds() throws Exception {
        Map<String, String> before = files.snapshot();
        CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> play("-e", "pause_at=6", "-e", "pause_seconds=5"));
        Path paused = root.resolve("paused-6");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(paused) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(paused).exists();

        sshd.fleet().host(1).killConnections();

        Cli.Result r = run.get(60, TimeUnit.SECONDS);
        // sshd's death may reach the client first as the command's end (exit 255) or as the session's loss
        assertThat(r.exitCode()).as(r.toString()).isIn(2, 4);
        assertThat(r.out()).containsPattern("(unreachable|failed) +h2");
        assertThat(files.snapshot()).as(r.toString()).isEqualTo(before);
    }
}
