package dev.unwind.exec;

import dev.unwind.cli.Cli;
import dev.unwind.testing.SshdHost;
import dev.unwind.testing.SshdHosts;
import dev.unwind.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A play's remote_user, port and connection reach its hosts when their inventory says nothing of it, and the lock
 * journal keeps them so a rollback reaches the hosts the same way; a host's own variable wins, as in Ansible;
 * become_method other than sudo is refused before anything runs.
 */
class PlayConnectionKeywordsTest {
    @RegisterExtension
    static final SshdHosts SSHD = new SshdHosts(1);

    @TempDir
    Path root;

    @Test
    void remoteUserAndPortOfThePlayReachAHostWhoseInventorySaysNothing() throws IOException {
        assumeTrue(TestUsers.canCreate(), "needs root to give the folder to the sshd host's login user");
        SshdHost h = SSHD.fleet().host(0);
        Path out = Files.createDirectories(root.resolve("out"));
        Path locks = Files.createDirectories(root.resolve("locks"));
        TestUsers.run(List.of("sh", "-c", "chmod 755 " + root + " && chmod 1777 " + locks + " && chown " + TestUsers.loginUser()
                + ": " + out), null);
        Path ini = root.resolve("hosts.ini");
        Files.writeString(ini, "[web]\nh1 ansible_host=" + h.address() + " ansible_ssh_private_key_file="
                + SSHD.fleet().clientKey() + " unwind_lock_path=" + locks.resolve("h1") + "\n");
        Path site = root.resolve("site.yml");
        Files.writeString(site, """
                - hosts: web
                  gather_facts: false
                  remote_user: %s
                  port: %d
                  become_method: sudo
                  tasks:
                    - command: whoami
                      register: who
                      changed_when: false
                    - copy: dest=%s/who.txt content="${who.stdout}"
                """.formatted(TestUsers.loginUser(), h.port(), out));

        Cli.Result r = new Cli(root.resolve("home")).run("play", site.toString(), "-i", ini.toString(), "--known-hosts",
                SSHD.knownHosts());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(out.resolve("who.txt"))).isEqualTo(TestUsers.loginUser());
        try (var runs = Files.list(root.resolve("home/runs"))) {
            Path journal = runs.findFirst().orElseThrow().resolve("journal.jsonl");
            assertThat(Files.readString(journal)).contains("\"run\":{\"connection\":{\"ansible_port\":" + h.port() + ",\"ansible_user\":\"" + TestUsers.loginUser() + "\"}}");
        }
    }

    @Test
    void connectionLocalOfThePlayYieldsToTheHostsOwnVariable() throws IOException {
        Path ini = root.resolve("hosts.ini");
        Files.writeString(ini, "[web]\nh1 ansible_host=192.0.2.1 unwind_lock_path=" + root.resolve("lock-h1")
                + "\nh2 ansible_host=192.0.2.2 ansible_connection=ssh ansible_ssh_timeout=1 unwind_lock_path=" + root.resolve("lock-h2") + "\n");
        Path site = root.resolve("site.yml");
        Files.writeString(site, """
                - hosts: web
                  gather_facts: false
                  connection: local
                  on_failure: continue
                  tasks:
                    - copy: dest=%s/${inventory_hostname}.txt content=here
                """.formatted(root));

        Cli.Result r = new Cli(root.resolve("home")).run("play", site.toString(), "-i", ini.toString());

        assertThat(root.resolve("h1.txt")).as(r.toString()).hasContent("here");
        assertThat(root.resolve("h2.txt")).as(r.toString()).doesNotExist();
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
    }

    @Test
    void aBecomeMethodOtherThanSudoIsRefused() throws IOException {
        Path site = root.resolve("site.yml");
        Files.writeString(site, """
                - hosts: all
                  become_method: su
                  tasks:
                    - debug: msg=hi
                """);

        Cli.Result r = new Cli(root.resolve("home")).run("lint", site.toString());

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.out() + r.err()).contains("site.yml:2:18").contains("unwind becomes with sudo only, not 'su'");
    }
}
