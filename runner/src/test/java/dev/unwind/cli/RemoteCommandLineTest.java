package dev.unwind.cli;

import dev.unwind.testing.SshdHosts;
import dev.unwind.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The become password never reaches a command line on the host: the sshd hosts run on this machine, so every
 * process's command line can be watched while a playbook that becomes root with a password runs. The watcher proves
 * it sees the run's commands (a marker in one of them) and never the password.
 */
class RemoteCommandLineTest {
    @RegisterExtension
    static SshdHosts sshd = new SshdHosts(1);

    @TempDir
    Path root;

    @Test
    void theBecomePasswordIsNeverOnACommandLine() throws Exception {
        assumeTrue(TestUsers.canCreate() && Files.isExecutable(Path.of("/usr/bin/sudo")), "needs root and sudo");
        String password = "Become-Pw-" + System.nanoTime();
        String marker = "visible-marker-" + System.nanoTime();
        Path hosts = Files.createDirectories(root.resolve("hosts"));
        Path inventory = sshd.inventory(root.resolve("ssh.ini"), hosts, hosts, "lock-");
        Files.writeString(inventory, Files.readString(inventory).replace("\n", " ansible_become_password=" + password + "\n")
                .replace("[web] ansible_become_password=" + password, "[web]"));
        TestUsers.run(java.util.List.of("sh", "-c", "chmod 755 " + root + " && chown -R " + TestUsers.loginUser() + ": " + hosts), null);
        Path playbook = root.resolve("site.yml");
        Files.writeString(playbook, """
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: a command seen on the host
                      shell: echo MARKER >/dev/null; sleep 1
                      changed_when: false
                    - name: as root, with the password
                      command: sleep 1
                      become: true
                      changed_when: false
                """.replace("MARKER", marker));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                commandLines().forEach(seen::add);
            }
        });
        watcher.start();

        Cli.Result r = new Cli(root.resolve("home")).run("play", playbook.toString(), "-i", inventory.toString(),
                "--known-hosts", sshd.knownHosts());
        running.set(false);
        watcher.join();

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(seen).as("the watcher saw the run's commands").anyMatch(l -> l.contains(marker));
        assertThat(seen).as("a command line with the become password").noneMatch(l -> l.contains(password));
        assertThat(r.out()).doesNotContain(password);
    }

    private static Stream<String> commandLines() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).map(p -> {
                try {
                    return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                } catch (IOException gone) {
                    return "";
                }
            }).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
