package dev.unwind.exec;

import dev.unwind.cli.Cli;
import dev.unwind.testing.SideBySideProject;
import dev.unwind.testing.SshdHosts;
import dev.unwind.testing.TestUsers;
import dev.unwind.testing.TreeImage;
import dev.unwind.undo.ControllerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * delegate_to (also one per loop item), run_once and local_action: side by side with ansible-playbook on local hosts, the same files; and with
 * the delegate a real sshd host, its changes are journaled as made there and undone there — by the in-run unwind,
 * and by {@code unwind rollback} after kill -9, which cannot finish while the delegate is down.
 */
class DelegationTest {
    @RegisterExtension
    static final SshdHosts LB = new SshdHosts(1);

    @TempDir
    Path root;

    static String play(String last) {
        return """
                - name: delegation
                  hosts: web
                  gather_facts: false
                  tasks:
                    - name: the output folder
                      ansible.builtin.file: path=OUT state=directory mode=0755
                      run_once: true
                    - name: each web host registers with the balancer
                      ansible.builtin.copy:
                        dest: OUT/lb-(inventory_hostname).txt
                        content: "(inventory_hostname) as (side)\\n"
                        mode: "0644"
                      delegate_to: lb
                    - name: the balancer's config, once
                      ansible.builtin.copy:
                        dest: OUT/once.txt
                        content: "once by (inventory_hostname)\\n"
                        mode: "0640"
                      run_once: true
                      delegate_to: lb
                      register: once
                    - name: every host has the result of run_once
                      ansible.builtin.copy:
                        dest: OUT/seen-(inventory_hostname).txt
                        content: "(once.mode)\\n"
                        mode: "0644"
                    - name: each item's own delegate
                      ansible.builtin.copy:
                        dest: OUT/heard-(item)-(inventory_hostname).txt
                        content: "(inventory_hostname) told (item)\n"
                        mode: "0644"
                      delegate_to: "(item)"
                      loop: [lb, localhost]
                    - name: a local action
                      local_action: copy dest=OUT/local-(inventory_hostname).txt content="local\\n" mode=0600
                """ + last;
    }

    @Test
    void delegationLeavesTheFilesAnsibleLeaves() throws Exception {
        SideBySideProject run = SideBySideProject.run(root, Map.of("site.yml", play("")), """
                localhost ansible_connection=local unwind_lock_path=LOCKS/localhost
                [web]
                web1 ansible_connection=local side=first unwind_lock_path=LOCKS/web1
                web2 ansible_connection=local side=second unwind_lock_path=LOCKS/web2
                [balancers]
                lb ansible_connection=local side=balancer unwind_lock_path=LOCKS/lb
                """);
        Cli.Result r = new Cli(root.resolve("home")).run("play", run.playbook().toString(), "-i", run.inventory().toString());

        assertThat(run.ansibleOut()).contains("failed=0");
        Map<String, String> ansibleTree = TreeImage.of(run.byAnsible());
        assertThat(ansibleTree).containsKeys("lb-web1.txt", "lb-web2.txt", "once.txt", "seen-web2.txt", "local-web2.txt",
                "heard-lb-web1.txt", "heard-localhost-web2.txt");
        assertThat(Files.readString(run.byAnsible().resolve("lb-web2.txt"))).isEqualTo("web2 as second\n");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TreeImage.of(run.byUnwind())).as(r.toString()).isEqualTo(ansibleTree);
    }

    /** web1 and web2 local, lb the sshd host. */
    private Path inventory() throws IOException {
        Path locks = Files.createDirectories(root.resolve("locks"));
        String lb = LB.fleet().host(0).hostVars().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        Path ini = root.resolve("hosts.ini");
        Files.writeString(ini, "localhost ansible_connection=local unwind_lock_path=" + locks.resolve("localhost")
                + "\n[web]\nweb1 ansible_connection=local side=first unwind_lock_path=" + locks.resolve("web1")
                + "\nweb2 ansible_connection=local side=second unwind_lock_path=" + locks.resolve("web2")
                + "\n[balancers]\nlb " + lb + " side=balancer unwind_lock_path=" + locks.resolve("lb") + "\n");
        return ini;
    }

    /** The folder all three write into, lb as the sshd's login user: given to that user. */
    private Path playbook(String last) throws IOException {
        Path out = Files.createDirectories(root.resolve("out"));
        Files.writeString(out.resolve("lb-web1.txt"), "an older registration\n");
        assumeTrue(TestUsers.canCreate(), "needs root to give the folder to the sshd host's login user");
        TestUsers.run(List.of("sh", "-c", "chmod 755 " + root + " && chmod 1777 " + root.resolve("locks") + " && chown -R "
                + TestUsers.loginUser() + ": " + out), null);
        Path site = root.resolve("site.yml");
        Files.writeString(site, play(last).replace("OUT", out.toString()).replaceAll("\\(([a-z_.0-9]+)\\)", "\\${$1}"));
        return site;
    }

    @Test
    void aFailureUnwindsWhatWasDoneOnTheDelegateThere() throws Exception {
        Path ini = inventory();
        Path site = playbook("""
                    - name: something later fails
                      ansible.builtin.fail: msg=injected
                """);
        Map<String, String> before = TreeImage.of(root.resolve("out"));

        Cli.Result r = new Cli(root.resolve("home")).run("play", site.toString(), "-i", ini.toString(),
                "--known-hosts", LB.knownHosts());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(TreeImage.of(root.resolve("out"))).as(r.toString()).isEqualTo(before);
        String journal = Files.readString(onlyRun().resolve("journal.jsonl"));
        assertThat(journal).contains("\"host\":\"web2\",\"on\":\"lb\"").contains("\"host\":\"web1\",\"on\":\"localhost\"");
        assertThat(journal).as("each item journaled on its own delegate")
                .contains("\"item\":0,\"host\":\"web1\",\"on\":\"lb\"").contains("\"item\":1,\"host\":\"web1\",\"on\":\"localhost\"");
    }

    @Test
    void aRollbackAfterKillUndoesOnTheDelegateAndCannotFinishWhileItIsDown() throws Exception {
        Path started = root.resolve("started");
        Path ini = inventory();
        Path site = playbook("""
                    - name: a long task, killed
                      ansible.builtin.command: sh -c 'touch %s; sleep 60'
                      changed_when: false
                """.formatted(started));
        Map<String, String> before = TreeImage.of(root.resolve("out"));
        ControllerProcess p = ControllerProcess.start(root.resolve("home"), List.of(), "play", site.toString(),
                "-i", ini.toString(), "--known-hosts", LB.knownHosts());
        ControllerProcess.awaitFile(started, p);
        p.signal("KILL");
        p.waitFor();
        String runId = onlyRun().getFileName().toString();
        Cli cli = new Cli(root.resolve("home"));

        LB.fleet().host(0).stop();
        Cli.Result down;
        try {
            down = cli.run("rollback", runId, "--known-hosts", LB.knownHosts());
        } finally {
            LB.fleet().host(0).start();
        }
        Cli.Result up = cli.run("rollback", runId, "--known-hosts", LB.knownHosts());

        assertThat(down.exitCode()).as(down.toString()).isNotZero();
        assertThat(down.toString()).contains("lb");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(TreeImage.of(root.resolve("out"))).as(up.toString()).isEqualTo(before);
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> runs = Files.list(root.resolve("home/runs"))) {
            return runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
