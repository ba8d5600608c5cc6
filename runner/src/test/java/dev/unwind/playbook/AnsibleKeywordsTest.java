package dev.unwind.playbook;

import dev.unwind.cli.Cli;
import dev.unwind.testing.SideBySide;
import dev.unwind.testing.TreeImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keywords an Ansible user brings — FQCN module names, pre_tasks/post_tasks, with_items (flattened once), with_list,
 * loop_control's loop_var and index_var — run by ansible-playbook and by unwind side by side on the local host:
 * the files each leaves are byte-, mode- and owner-identical. Only the expressions differ ({{ }} against ${ }).
 */
class AnsibleKeywordsTest {
    static final String PLAY = """
            - name: keywords from Ansible
              hosts: local
              gather_facts: false
              vars:
                idx_free: the tasks
              pre_tasks:
                - name: the output folder
                  ansible.builtin.file:
                    path: "OUT"
                    state: directory
                    mode: "0755"
              tasks:
                - name: one file per item, nested lists spread once
                  ansible.builtin.copy:
                    dest: "OUT/(item).txt"
                    content: "item (item)\\n"
                    mode: "0640"
                  with_items:
                    - alpha
                    - [beta, gamma]
                - name: lists kept whole, under their own names
                  ansible.builtin.copy:
                    dest: "OUT/pair-(idx).txt"
                    content: "(pair[0])-(pair[1])\\n"
                    mode: "0644"
                  with_list:
                    - [a, b]
                    - [c, d]
                  loop_control:
                    loop_var: pair
                    index_var: idx
              post_tasks:
                - name: a file written last
                  ansible.builtin.copy:
                    dest: "OUT/last.txt"
                    content: "after (idx_free)\n"
                    mode: "0600"
            """;

    @TempDir
    Path root;

    /** {@code play} run by ansible-playbook on the local host, and unwind's copy of it (see {@link SideBySide}). */
    private SideBySide sideBySide(String play) throws IOException, InterruptedException {
        return SideBySide.of(root, play);
    }

    @Test
    void ansibleAndUnwindLeaveTheSameFiles() throws Exception {
        SideBySide run = sideBySide(PLAY);
        Path byAnsible = run.byAnsible();
        Path byUnwind = run.byUnwind();
        String ansibleOut = run.ansibleOut();
        Cli cli = new Cli(root.resolve("home"));
        Cli.Result first = run.unwind(cli);
        Cli.Result second = run.unwind(cli);

        assertThat(ansibleOut).contains("failed=0");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Map<String, String> ansibleTree = TreeImage.of(byAnsible);
        assertThat(ansibleTree).containsKeys("alpha.txt", "beta.txt", "gamma.txt", "pair-0.txt", "pair-1.txt");
        assertThat(TreeImage.of(byUnwind)).as(first.toString()).isEqualTo(ansibleTree);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("changed=0");
    }

    static final String HANDLERS = """
            - name: handlers as Ansible runs them
              hosts: local
              gather_facts: false
              pre_tasks:
                - name: the output folder
                  ansible.builtin.file: path=OUT state=directory mode=0755
              tasks:
                - name: a config that changes
                  ansible.builtin.copy:
                    dest: OUT/app.conf
                    content: "port=8080\n"
                    mode: "0644"
                  notify: [restart app, reload proxy]
                - name: a config already as wanted
                  ansible.builtin.copy:
                    dest: OUT/app.conf
                    content: "port=8080\n"
                    mode: "0644"
                  notify: never notified
                - name: a second change for the same handler
                  ansible.builtin.copy:
                    dest: OUT/other.conf
                    content: "x=1\n"
                    mode: "0644"
                  notify: restart app
              handlers:
                - name: reload proxy
                  ansible.builtin.lineinfile:
                    path: OUT/handlers.log
                    line: reload proxy
                    create: true
                    mode: "0644"
                - name: never notified
                  ansible.builtin.lineinfile: path=OUT/handlers.log line=never create=true mode=0644
                - name: restart app
                  ansible.builtin.lineinfile:
                    path: OUT/handlers.log
                    line: restart app
                    insertafter: EOF
                    create: true
                    mode: "0644"
                  listen: app changed
            """;

    @Test
    void handlersRunOnceEachInTheOrderTheyAreWrittenAsAnsibleRunsThem() throws Exception {
        SideBySide run = sideBySide(HANDLERS);
        Path byAnsible = run.byAnsible();
        Path byUnwind = run.byUnwind();
        String ansibleOut = run.ansibleOut();
        Cli.Result r = run.unwind(new Cli(root.resolve("home")));

        assertThat(ansibleOut).contains("failed=0");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(byAnsible.resolve("handlers.log"))).isEqualTo("reload proxy\nrestart app\n");
        assertThat(TreeImage.of(byUnwind)).as(r.toString()).isEqualTo(TreeImage.of(byAnsible));
        assertThat(r.out()).contains("RUNNING HANDLER [reload proxy]").doesNotContain("RUNNING HANDLER [never notified]");
    }

    /** A new config, the restart it notifies (which no undo takes back), then a failure; POLICY: the play's on_failure. */
    static final String RESTART = """
            - hosts: local
              gather_facts: false
              POLICY
              tasks:
                - name: a new config
                  copy:
                    dest: OUT/app.conf
                    content: "port=8080\\n"
                  notify: restart app
                - meta: flush_handlers
                - name: something later fails
                  fail: msg=injected
              handlers:
                - name: restart app
                  # the running service takes its config: what a restart does
                  command: cp OUT/app.conf OUT/running.conf
                  undo: none
                  reason: a restart is taken back by restarting on the restored config
            """;

    /** The service's folder, as it was before: its config and the config it runs with. */
    private Path app() throws IOException {
        Path out = Files.createDirectories(root.resolve("app"));
        Files.writeString(out.resolve("app.conf"), "port=80\n");
        Files.writeString(out.resolve("running.conf"), "port=80\n");
        return out;
    }

    private Cli.Result restartPlay(Cli cli, Path app, String policy) throws IOException {
        Path inventory = root.resolve("hosts.ini");
        Files.writeString(inventory, "[local]\nlocalhost ansible_connection=local unwind_lock_path=" + root.resolve("lock") + "\n");
        Path playbook = root.resolve("site.yml");
        Files.writeString(playbook, RESTART.replace("POLICY", policy).replace("OUT", app.toString()));
        return cli.run("play", playbook.toString(), "-i", inventory.toString());
    }

    /** The run a stopped or incomplete run's output tells the operator to roll back. */
    private static String toRollBack(Cli.Result r) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("unwind rollback (\\S+)").matcher(r.out());
        assertThat(id.find()).as(r.toString()).isTrue();
        return id.group(1);
    }

    @Test
    void aHandlerWhoseCauseIsUnwoundRunsAgainOnTheRestoredHost() throws Exception {
        Path out = app();
        Map<String, String> before = TreeImage.of(out);

        Cli.Result r = restartPlay(new Cli(root.resolve("home")), out, "");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).contains("RUNNING HANDLER [restart app]").contains("RUNNING HANDLER [restart app] again, after the unwind");
        assertThat(TreeImage.of(out)).as(r.toString()).isEqualTo(before);
    }

    @Test
    void unwindRollbackRunsAgainTheHandlersWhoseChangeNoUndoTakesBack() throws Exception {
        Path out = app();
        Map<String, String> before = TreeImage.of(out);
        Cli cli = new Cli(root.resolve("home"));

        Cli.Result stopped = restartPlay(cli, out, "on_failure: stop");
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(3);
        assertThat(out.resolve("running.conf")).content().isEqualTo("port=8080\n");

        Cli.Result back = cli.run("rollback", toRollBack(stopped));
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(back.out()).containsSubsequence("undone       localhost <- a new config", "RUNNING HANDLER [restart app] again, after the unwind");
        assertThat(TreeImage.of(out)).as(back.toString()).isEqualTo(before);

        Cli.Result twice = cli.run("rollback", toRollBack(stopped));
        assertThat(twice.exitCode()).as(twice.toString()).isZero();
        assertThat(twice.out()).contains("nothing left to undo").doesNotContain("RUNNING HANDLER");
    }

    /** h2 fails after both hosts notified: forced, the handler runs on both (Ansible's copy runs h1 on past it). */
    static final String FORCED = """
            - name: handlers forced past a failure
              hosts: local
              gather_facts: false
              FORCE
              tasks:
                - name: a config that changes
                  ansible.builtin.copy:
                    dest: OUT/(inventory_hostname).conf
                    content: "port=8080\\n"
                    mode: "0644"
                  notify: restart app
                - name: one host fails
                  ansible.builtin.fail: msg=injected
                  when: inventory_hostname == 'h2'
              handlers:
                - name: restart app
                  ansible.builtin.copy:
                    dest: OUT/(inventory_hostname).restarted
                    content: "restarted\\n"
                    mode: "0644"
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"force_handlers: true|", "|--force-handlers"})
    void forcedHandlersRunOnTheHostsThatNotifiedThemTheFailedOneTooAsAnsibleForcesThem(String keyword, String option)
            throws Exception {
        List<String> options = option == null ? List.of() : List.of(option);
        SideBySide run = SideBySide.of(root, FORCED.replace("FORCE", keyword == null ? "" : keyword), List.of("h1", "h2"), options);
        // unwind's copy keeps its changes at the failure, as the handlers' cause then stays: on_failure stop
        Files.writeString(run.unwindPlaybook(), Files.readString(run.unwindPlaybook())
                .replace("  gather_facts: false\n", "  gather_facts: false\n  on_failure: stop\n"));
        Cli cli = new Cli(root.resolve("home"));
        Cli.Result r = run.unwind(cli);

        assertThat(run.ansibleOut()).contains("failed=1");
        assertThat(TreeImage.of(run.byAnsible())).containsKeys("h1.restarted", "h2.restarted");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(TreeImage.of(run.byUnwind())).as(r.toString()).isEqualTo(TreeImage.of(run.byAnsible()));

        // the promise holds for what the forced handler did: the rollback takes it back with the rest
        Cli.Result back = cli.run("rollback", toRollBack(r));
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(TreeImage.of(run.byUnwind())).as(back.toString()).containsOnlyKeys("");
    }

    @Test
    void withoutForceHandlersAStoppedRunRunsNoHandler() throws Exception {
        SideBySide run = SideBySide.of(root, FORCED.replace("FORCE", ""), List.of("h1", "h2"), List.of());
        Files.writeString(run.unwindPlaybook(), Files.readString(run.unwindPlaybook())
                .replace("  gather_facts: false\n", "  gather_facts: false\n  on_failure: stop\n"));

        Cli.Result r = run.unwind(new Cli(root.resolve("home")));

        // Ansible goes on with h1 and runs its handler; unwind's on_failure stop stops every host at the failure
        assertThat(TreeImage.of(run.byAnsible())).containsKey("h1.restarted").doesNotContainKey("h2.restarted");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(TreeImage.of(run.byUnwind())).as(r.toString()).containsOnlyKeys("", "h1.conf", "h2.conf");
        assertThat(r.out()).doesNotContain("RUNNING HANDLER");
    }

    @Test
    void aNotifyThatNoHandlerAnswersIsRefusedBeforeAnythingRuns() throws IOException {
        Path playbook = root.resolve("notify.yml");
        Files.writeString(playbook, """
                - hosts: all
                  tasks:
                    - command: "true"
                      changed_when: false
                      notify: restart ap
                  handlers:
                    - name: restart app
                      command: "true"
                      changed_when: false
                """);

        Cli.Result r = new Cli(root.resolve("home")).run("lint", playbook.toString());

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.out() + r.err()).contains("notify.yml:3:7").contains("notifies 'restart ap'").contains("restart app");
    }

    static final String RESCUE = """
            - name: a block as a transaction
              hosts: local
              gather_facts: false
              tasks:
                - name: the output folder
                  ansible.builtin.file: path=OUT state=directory mode=0755
                - name: a transaction
                  block:
                    - name: a file the block writes
                      ansible.builtin.copy:
                        dest: OUT/partial.txt
                        content: "half done\\n"
                        mode: "0644"
                    - name: then it fails
                      ansible.builtin.fail: msg=injected
                    - name: never reached
                      ansible.builtin.copy: dest=OUT/never.txt content=never mode=0644
                  rescue:
                    - name: the rescue records what failed
                      ansible.builtin.copy:
                        dest: OUT/rescued.txt
                        content: "rescued from (ansible_failed_task.name)\\n"
                        mode: "0644"
                  always:
                    - name: always runs
                      ansible.builtin.copy:
                        dest: OUT/always.txt
                        content: "always\\n"
                        mode: "0644"
            """;

    @Test
    void aBlockWithRescueIsATransactionThatUnwindsTheHostBeforeTheRescue() throws Exception {
        SideBySide run = sideBySide(RESCUE);
        Path byAnsible = run.byAnsible();
        Path byUnwind = run.byUnwind();
        String ansibleOut = run.ansibleOut();
        Cli.Result r = run.unwind(new Cli(root.resolve("home")));

        assertThat(ansibleOut).contains("rescued=1").contains("failed=0");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("rescued=1").contains("failed=0");
        // Ansible leaves what the block did before it failed; unwind takes it back before the rescue runs
        Map<String, String> ansibleTree = new java.util.TreeMap<>(TreeImage.of(byAnsible));
        assertThat(ansibleTree.remove("partial.txt")).isNotNull();
        assertThat(TreeImage.of(byUnwind)).as(r.toString()).isEqualTo(ansibleTree);
        assertThat(Files.readString(byUnwind.resolve("rescued.txt"))).isEqualTo("rescued from then it fails\n");
    }

    @Test
    void docListsEveryKeywordAndWhereItGoes() {
        Cli.Result r = new Cli(root.resolve("home")).run("doc", "--keywords");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("(?m)^listen +a handler$").containsPattern("(?m)^serial +a play$")
                .containsPattern("(?m)^notify +a task or a handler$");
    }

    @Test
    void aKeywordWrittenWhereItDoesNotBelongIsRefusedSayingWhereItGoes() throws IOException {
        Path playbook = root.resolve("misplaced.yml");
        Files.writeString(playbook, """
                - hosts: all
                  tasks:
                    - name: serial is a play's
                      command: "true"
                      changed_when: false
                      serial: 2
                """);

        Cli.Result r = new Cli(root.resolve("home")).run("lint", playbook.toString());

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.out() + r.err()).contains("misplaced.yml:6:7").contains("'serial' does not belong in a task: it goes in a play");
    }

    @Test
    void aLoopControlWithoutALoopAndTwoLoopsAreRefused() throws IOException {
        Path playbook = root.resolve("loops.yml");
        Files.writeString(playbook, """
                - hosts: all
                  tasks:
                    - command: echo ${x}
                      changed_when: false
                      loop_control:
                        loop_var: x
                    - command: echo ${item}
                      changed_when: false
                      loop: [1]
                      with_items: [2]
                """);

        Cli.Result r = new Cli(root.resolve("home")).run("lint", playbook.toString());

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.out() + r.err()).contains("loop_control goes with a loop").contains("a task has one loop");
    }
}
