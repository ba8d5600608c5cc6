package dev.unwind.undo;

import dev.unwind.cli.Cli;
import dev.unwind.testing.SshdHosts;
import dev.unwind.testing.TestUsers;
import dev.unwind.testing.TreeImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The promise, over two real sshd hosts: a failed run exits 2 only when every host is byte-, mode-, owner- and
 * link-identical to where it started; otherwise it exits 3 and names what is left. One row per way a change can
 * slip past an unwind (a task that changes and then fails, an expression that errors after the change, an undo
 * that cannot render, a later loop item, special bits, nameless owners, odd link targets, undo privileges).
 */
class UndoPromiseTest {
    @RegisterExtension
    static SshdHosts sshd = new SshdHosts(2);

    @TempDir
    Path root;
    Path inventory;

    /**
     * @param setup  shell run as root before the run, with $D the host's folder and $U the login user
     * @param tasks  the play's tasks (YAML, indented 4); a last task fails the run on h2 whatever they do
     * @param left   for exit 3: the text that names what is left; null: exit 2 and identical hosts
     */
    record Row(String name, boolean needsRoot, String setup, String tasks, String left) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("a command that writes and exits 1", false, "", """
                            - name: write then fail
                              shell: echo written > ${d}/by-command; exit 1
                              undo:
                                command: rm -f ${d}/by-command
                        """, null),
                new Row("a copy then failed_when", false, "", """
                            - name: replace then fail
                              copy: dest=${d}/existing.conf content="replaced"
                              failed_when: true
                        """, null),
                new Row("a changed_when that errors after a copy replaced a file", false, "", """
                            - name: replace then a bad changed_when
                              copy: dest=${d}/existing.conf content="replaced"
                              changed_when: result.no_such.deeper
                        """, null),
                new Row("an until that errors after a copy", false, "", """
                            - name: replace then a bad until
                              copy: dest=${d}/existing.conf content="replaced"
                              until: result.no_such.deeper
                              retries: 1
                              delay: 0
                        """, null),
                new Row("a loop whose last item fails", false, "", """
                            - name: one file per item
                              copy: dest=${d}/${item} content="item ${item}"
                              loop: [one, two, no-such-dir/three]
                        """, null),
                new Row("a loop whose items change then the run fails", false, "", """
                            - name: one line per item
                              lineinfile: path=${d}/existing.conf line=${item}
                              loop: [a=1, b=2, c=3]
                        """, null),
                new Row("a setgid directory mode", false, "mkdir $D/shared && chmod 0755 $D/shared && chown $U: $D/shared", """
                            - name: group-shared directory
                              file: path=${d}/shared state=directory mode=02775
                        """, null),
                new Row("a setuid file made plain", false, "echo x > $D/tool && chown $U: $D/tool && chmod 04755 $D/tool", """
                            - name: drop setuid
                              file: path=${d}/tool mode=0755
                        """, null),
                new Row("an owner with no name", true, "echo old > $D/owned && chown 4242:4242 $D/owned && chmod 0640 $D/owned", """
                            - name: replace a file of uid 4242
                              copy: dest=${d}/owned content="new"
                              become: true
                        """, null),
                new Row("a link target with a trailing space", false, "ln -s 'target ' $D/link && chown -h $U: $D/link", """
                            - name: repoint the link
                              file: path=${d}/link src=/elsewhere state=link
                        """, null),
                new Row("an undo that needs root", true, "mkdir $D/rootdir", """
                            - name: a marker only root may remove
                              command: touch ${d}/rootdir/marker
                              become: true
                              undo:
                                - command: rm -f ${d}/rootdir/marker
                                  become: true
                        """, null),
                new Row("a new directory that something else wrote into", false, "", """
                            - name: a new directory
                              file: path=${d}/newdir state=directory
                            - name: a stray file in it
                              shell: echo stray > ${d}/newdir/stray
                              undo: none
                              reason: the test leaves it on purpose
                        """, "a new directory"),
                new Row("an undo that cannot render", false, "", """
                            - name: undo needs an undefined variable
                              shell: echo x > ${d}/left-by-command
                              undo:
                                command: rm -f ${d}/${never_defined}
                        """, "undo needs an undefined variable"));
    }

    @BeforeEach
    void hosts() throws IOException {
        for (String name : List.of("h1", "h2")) {
            Path d = root.resolve("hosts").resolve(name);
            Files.createDirectories(d);
            Files.writeString(d.resolve("existing.conf"), "keep=yes\n");
        }
        inventory = sshd.inventory(root.resolve("ssh.ini"), root.resolve("hosts"), root.resolve("hosts"), "lock-");
        if (TestUsers.canCreate()) {
            sh("chmod 755 " + root + " && chown -R " + TestUsers.loginUser() + ": " + root.resolve("hosts"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aFailedRunExits2OnlyWhenEveryHostIsWhereItStarted(Row row) throws IOException {
        assumeTrue(!row.needsRoot() || TestUsers.canCreate(), "needs root to give files away");
        for (String h : List.of("h1", "h2")) {
            sh("D=" + root.resolve("hosts").resolve(h) + " U=" + TestUsers.loginUser() + "; " + row.setup());
        }
        Map<String, String> before = TreeImage.of(root.resolve("hosts"));

        Cli.Result r = play(row.tasks());

        Map<String, String> after = TreeImage.of(root.resolve("hosts"));
        assertThat(r.out()).as("the run got as far as changing hosts: " + r).containsPattern("UNWIND \\[.*\\] [1-9]\\d* change");
        if (row.left() == null) {
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(after).as(r.toString()).isEqualTo(before);
        } else {
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(after).isNotEqualTo(before);
            assertThat(r.out()).as(r.toString()).containsPattern("NOT undone on h[12]: " + java.util.regex.Pattern.quote(row.left()));
        }
    }

    @Test
    void anUndoThatFailsLeavesItsHostsOlderChangesUntriedAndTheRollbackTakesThemBackInOrder() throws IOException {
        Map<String, String> before = TreeImage.of(root.resolve("hosts"));
        Path hold = root.resolve("hold");
        Files.writeString(hold, "the service's undo fails while this file is here\n");

        Cli.Result r = play("""
                    - name: a tool the service's undo needs
                      copy:
                        dest: ${d}/tool
                        mode: "0755"
                        content: |
                          #!/bin/sh
                          [ -e %s ] && { echo held; exit 1; }
                          rm "$1/service"
                    - name: a service the tool takes away
                      command: touch ${d}/service
                      undo:
                        command: ${d}/tool ${d}
                """.formatted(hold));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).contains("NOT undone on h1: a service the tool takes away")
                .containsPattern("NOT undone on h1: a tool the service's undo needs \\(.*\\): not tried: the newer change"
                        + " 'a service the tool takes away' here was not undone");
        assertThat(root.resolve("hosts/h1/tool")).as("the tool the failed undo needs is still there").exists();

        Files.delete(hold);
        Cli.Result rollback = new Cli(root.resolve("home")).run("rollback", lastRunId(), "--known-hosts", sshd.knownHosts());
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(TreeImage.of(root.resolve("hosts"))).isEqualTo(before);
    }

    @Test
    void copyOverAFileOfAnotherUserKeepsItsOwnerGroupAndMode() throws IOException {
        assumeTrue(TestUsers.canCreate(), "needs root to give files away");
        Path owned = root.resolve("hosts/h1/owned");
        sh("echo old > " + owned + " && chown 4242:4343 " + owned + " && chmod 0640 " + owned);

        Cli.Result r = new Cli(root.resolve("home")).run("play", playbook("""
                    - name: replace a file of uid 4242
                      copy: dest=${d}/owned content="new"
                      become: true
                      when: inventory_hostname == "h1"
                """, false).toString(), "-i", inventory.toString(), "--known-hosts", sshd.knownHosts());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(owned)).isEqualTo("new");
        assertThat(TreeImage.of(root.resolve("hosts")).get("h1/owned")).startsWith("file 00640 4242:4343 ");
    }

    @Test
    void aRollbackOfAHostThatIsReadOnlyExits3AndSucceedsOnceItIsWritableAgain() throws IOException {
        assumeTrue(TestUsers.canCreate(), "needs root to take write access away from the login user");
        Map<String, String> before = TreeImage.of(root.resolve("hosts"));
        Path playbook = playbook("""
                    - name: replace a file
                      copy: dest=${d}/existing.conf content="replaced" mode=0600
                """, true).resolveSibling("stop.yml");
        Files.writeString(playbook, Files.readString(playbook.resolveSibling("site.yml"))
                .replace("  gather_facts: false\n", "  gather_facts: false\n  on_failure: stop\n"));
        Cli cli = new Cli(root.resolve("home"));
        Cli.Result r = cli.run("play", playbook.toString(), "-i", inventory.toString(), "--known-hosts", sshd.knownHosts());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        String runId = lastRunId();

        Path h1 = root.resolve("hosts/h1");
        sh("chown root: " + h1 + " " + h1.resolve("existing.conf") + " && chmod 0555 " + h1);
        Cli.Result readOnly = cli.run("rollback", runId, "--known-hosts", sshd.knownHosts());
        assertThat(readOnly.exitCode()).as(readOnly.toString()).isEqualTo(3);
        assertThat(readOnly.out()).contains("NOT undone on h1");

        sh("chown " + TestUsers.loginUser() + ": " + h1 + " " + h1.resolve("existing.conf") + " && chmod 0755 " + h1);
        Cli.Result again = cli.run("rollback", runId, "--known-hosts", sshd.knownHosts());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(TreeImage.of(root.resolve("hosts"))).isEqualTo(before);
    }

    @Test
    void aCommandStillRunningWhenTheControllerIsKilledIsStoppedBeforeItsUndo() throws Exception {
        Path ledger = root.resolve("hosts/h1/ledger");
        Files.writeString(ledger, "start\n");
        if (TestUsers.canCreate()) {
            sh("chown " + TestUsers.loginUser() + ": " + ledger + " && chmod 0644 " + ledger);
        }
        Map<String, String> before = TreeImage.of(root.resolve("hosts"));
        Path started = root.resolve("hosts/h1/started");
        Path playbook = playbook("""
                    - name: a slow change
                      shell: touch ${d}/started; sleep 3; echo late >> ${d}/ledger
                      undo:
                        shell: sed -i '/^late$/d' ${d}/ledger; rm -f ${d}/started
                      when: inventory_hostname == "h1"
                """, false);
        ControllerProcess p = ControllerProcess.start(root.resolve("home"), List.of(), "play", playbook.toString(),
                "-i", inventory.toString(), "--known-hosts", sshd.knownHosts());
        ControllerProcess.awaitFile(started, p);

        p.signal("KILL");
        p.waitFor();
        Cli.Result rollback = new Cli(root.resolve("home")).run("rollback", lastRunId(), "--known-hosts",
                sshd.knownHosts());
        Thread.sleep(4000);

        // the command outlived its controller; the rollback stopped it, so it cannot append after the undo ran
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(TreeImage.of(root.resolve("hosts"))).as(rollback.toString()).isEqualTo(before);
    }

    @Test
    void aNoLogUndoTaskKeepsItsArgumentsOutOfTheJournal() throws IOException {
        Cli.Result r = play("""
                    - name: a change whose undo holds a token
                      shell: echo x > ${d}/by-command
                      undo:
                        - shell: rm -f ${d}/by-command && echo s3cr3t-undo-token >/dev/null
                          no_log: true
                """);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        Path journal = root.resolve("home/runs").resolve(lastRunId()).resolve("journal.jsonl");
        assertThat(Files.readString(journal)).doesNotContain("s3cr3t-undo-token").contains("undoRef");
    }

    private Cli.Result play(String tasks) throws IOException {
        return new Cli(root.resolve("home")).run("play", playbook(tasks, true).toString(), "-i", inventory.toString(),
                "--known-hosts", sshd.knownHosts());
    }

    private Path playbook(String tasks, boolean failOnH2) throws IOException {
        String text = "- name: the promise\n  hosts: web\n  gather_facts: false\n  vars:\n    d: ${base}/${inventory_hostname}\n"
                + "  tasks:\n" + tasks
                + (failOnH2 ? "    - name: the run fails on h2\n      fail: msg=injected\n      when: inventory_hostname == \"h2\"\n" : "");
        Path p = root.resolve("site.yml");
        Files.writeString(p, text);
        return p;
    }

    private String lastRunId() throws IOException {
        try (var s = Files.list(root.resolve("home/runs"))) {
            return s.map(x -> x.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    private static void sh(String script) {
        assertThat(TestUsers.run(List.of("sh", "-c", script), null)).as(script).isZero();
    }
}
