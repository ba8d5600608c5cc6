package dev.unwind.playbook;

import dev.unwind.cli.Cli;
import dev.unwind.testing.SideBySide;
import dev.unwind.testing.TreeImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loops Ansible defines — with_dict, with_fileglob, with_first_found, with_sequence, with_together, with_nested,
 * with_subelements — and loop_control's extended and pause, run by ansible-playbook and by unwind side by side on the
 * local host: the files each leaves are byte-, mode- and owner-identical.
 */
class AnsibleLoopsTest {
    static final String LOOPS = """
            - name: the loops Ansible defines
              hosts: local
              gather_facts: false
              vars:
                ports: {http: 80, https: 443, admin: 8443}
                users:
                  - name: alice
                    groups: [wheel, docker]
                    auth: {keys: [ka]}
                  - name: bob
                    groups: []
                  - name: carol
                    groups: [users]
                    auth: {keys: [kc1, kc2]}
              tasks:
                - name: the output folder
                  ansible.builtin.file: path=OUT state=directory mode=0755
                - name: one file per entry
                  ansible.builtin.copy:
                    dest: "OUT/dict-(item.key).txt"
                    content: "(item.key)=(item.value)\\n"
                    mode: "0644"
                  with_dict: "(ports)"
                - name: the controller's files, in the folder's own order
                  ansible.builtin.copy:
                    src: "(item)"
                    dest: "OUT/glob-(idx)-«item | basename ¦ item?keep_after_last('/')»"
                    mode: "0600"
                  with_fileglob: conf/*.conf
                  loop_control:
                    index_var: idx
                - name: the first file found
                  ansible.builtin.copy:
                    src: "(item)"
                    dest: OUT/found.txt
                    mode: "0644"
                  with_first_found:
                    - files: [missing.txt, motd.txt]
                      paths: [nowhere, conf, .]
                - name: none found, skipped
                  ansible.builtin.copy: src=(item) dest=OUT/never.txt mode=0644
                  with_first_found:
                    - files: [missing.txt]
                      skip: true
                - name: a sequence
                  ansible.builtin.copy:
                    dest: "OUT/seq-(item).txt"
                    content: "(item)\\n"
                    mode: "0644"
                  with_sequence: start=4 end=16 stride=4 format=node%02x
                - name: a sequence, the short form
                  ansible.builtin.copy:
                    dest: "OUT/short-(item).txt"
                    content: "(item)\\n"
                    mode: "0644"
                  with_sequence: "2-6/2:s%d"
                - name: lists side by side
                  ansible.builtin.copy:
                    dest: "OUT/together-(item[0]).txt"
                    content: "(item[0]) «item[1] | default('none', true) ¦ item[1]!'none'»\\n"
                    mode: "0644"
                  with_together:
                    - [a, b, c]
                    - [1, 2]
                - name: every combination
                  ansible.builtin.copy:
                    dest: "OUT/nested-(item[0])-(item[1])-(item[2]).txt"
                    content: "(item[0])/(item[1])/(item[2])\\n"
                    mode: "0644"
                  with_nested:
                    - [x, y]
                    - [1, 2, 3]
                    - "(ports.http)"
                - name: each member of each group
                  ansible.builtin.copy:
                    dest: "OUT/member-(item[0].name)-(item[1]).txt"
                    content: "(item[1]) «'has' if item[0].groups is defined else 'popped' ¦ (item[0].groups??)?then('has', 'popped')»\\n"
                    mode: "0644"
                  with_subelements:
                    - "(users)"
                    - groups
                - name: each key, users without any passed over
                  ansible.builtin.copy:
                    dest: "OUT/key-(item[0].name)-(item[1]).txt"
                    content: "(item[1])\\n"
                    mode: "0644"
                  with_subelements:
                    - "(users)"
                    - auth.keys
                    - skip_missing: true
                - name: each item knowing its place
                  ansible.builtin.copy:
                    dest: "OUT/ext-(ansible_loop.index).txt"
                    content: >-
                      (item) (ansible_loop.index0) (ansible_loop.revindex) (ansible_loop.revindex0) (ansible_loop.length)
                      «ansible_loop.allitems | join(',') ¦ ansible_loop.allitems?join(',')»
                      «ansible_loop.previtem | default('-') ¦ ansible_loop.previtem!'-'»
                      «ansible_loop.nextitem | default('-') ¦ ansible_loop.nextitem!'-'»
                      (ansible_loop_var)
                    mode: "0644"
                  loop: [p, q, r]
                  loop_control:
                    extended: true
                - name: only the first and the last, each item judged on its own
                  ansible.builtin.copy:
                    dest: "OUT/ends-(thing).txt"
                    content: "(thing)\\n"
                    mode: "0644"
                  loop: [p, q, r]
                  loop_control:
                    loop_var: thing
                    extended: true
                    extended_allitems: false
                  when: "«ansible_loop.first or ansible_loop.last ¦ ansible_loop.first || ansible_loop.last»"
                - name: a loop over nothing that is defined, skipped by its condition
                  ansible.builtin.copy: dest=OUT/undefined.txt content=x mode=0644
                  loop: "(not_defined)"
                  when: "«not_defined is defined ¦ not_defined??»"
            """;

    @TempDir
    Path root;

    @Test
    void everyLoopLeavesTheFilesAnsibleLeaves() throws Exception {
        Path conf = Files.createDirectories(root.resolve("files/conf"));
        for (String name : List.of("c.conf", "a.conf", "b.conf", "notes.txt")) {
            Files.writeString(conf.resolve(name), "setting from " + name + "\n");
        }
        Files.writeString(root.resolve("files/motd.txt"), "welcome\n");
        SideBySide run = SideBySide.of(root, LOOPS);
        Cli cli = new Cli(root.resolve("home"));

        Cli.Result first = run.unwind(cli);
        Cli.Result second = run.unwind(cli);

        assertThat(run.ansibleOut()).contains("failed=0");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Map<String, String> ansibleTree = TreeImage.of(run.byAnsible());
        // the glob's order is the folder's (neither sorted nor as created): unwind must give the same indexes
        assertThat(ansibleTree.keySet().stream().filter(k -> k.startsWith("glob-"))).hasSize(3);
        assertThat(ansibleTree).containsKeys("dict-admin.txt", "found.txt", "seq-node10.txt", "short-s6.txt",
                "together-c.txt", "nested-y-3-80.txt", "member-carol-users.txt", "key-carol-kc2.txt", "ext-3.txt",
                "ends-r.txt").doesNotContainKeys("never.txt", "ends-q.txt", "member-bob-users.txt", "key-bob-ka.txt");
        assertThat(TreeImage.of(run.byUnwind())).as(first.toString()).isEqualTo(ansibleTree);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("changed=0");
    }

    @Test
    void aPauseWaitsBetweenItemsAndNotBeforeTheFirst() throws Exception {
        Path out = root.resolve("out");
        Path inventory = root.resolve("hosts.ini");
        Files.writeString(inventory, "[local]\nlocalhost ansible_connection=local unwind_lock_path=" + root.resolve("lock") + "\n");
        Path playbook = root.resolve("pause.yml");
        Files.writeString(playbook, """
                - hosts: local
                  gather_facts: false
                  tasks:
                    - file: path=OUT state=directory
                    - copy:
                        dest: OUT/${item}
                        content: "${item}"
                      loop: [one, two, three]
                      loop_control:
                        pause: 1.5
                """.replace("OUT", out.toString()));

        Cli.Result r = new Cli(root.resolve("home")).run("play", playbook.toString(), "-i", inventory.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<FileTime> written = new ArrayList<>();
        for (String item : List.of("one", "two", "three")) {
            written.add(Files.getLastModifiedTime(out.resolve(item)));
        }
        for (int i = 1; i < written.size(); i++) {
            assertThat(written.get(i).toMillis() - written.get(i - 1).toMillis()).as("between item %d and %d", i, i + 1)
                    .isGreaterThanOrEqualTo(1500);
        }
    }

    @Test
    void badLoopTermsAreRefusedAtTheirLineBeforeAnythingRuns() throws IOException {
        Path playbook = root.resolve("loops.yml");
        Files.writeString(playbook, """
                - hosts: all
                  tasks:
                    - debug: msg=${item}
                      with_sequence: start=5 end=1
                    - debug: msg=${item}
                      with_sequence:
                        - count=2
                        - start=1 end=5 step=2
                    - debug: msg=${item}
                      with_subelements: [[{name: a}], keys, extra, more]
                    - debug: msg=${item}
                      with_dict: [a, b]
                    - debug: msg=${item}
                      loop: [1]
                      loop_control:
                        pause: soon
                        loop_vars: i
                    - debug: msg=${item}
                      label: shown
                      loop: [1]
                """);

        Cli.Result r = new Cli(root.resolve("home")).run("lint", playbook.toString());

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.out() + r.err())
                .contains("loops.yml:4:22: with_sequence: to count backwards make stride negative")
                .contains("loops.yml:8:11: with_sequence: unrecognized arguments to with_sequence: [step]")
                .contains("loops.yml:10:25: with_subelements:")
                .contains("loops.yml:12:18: with_dict: with_dict expects a mapping")
                .contains("loops.yml:16:16: expected a number of seconds, got 'soon'")
                .contains("loops.yml:17:9: unknown key 'loop_vars' in loop_control: did you mean 'loop_var'?")
                .contains("loops.yml:19:7: 'label' does not belong in a task: it goes in loop_control")
                .doesNotContain("loops.yml:7:");
    }

    @Test
    void docListsEveryLoopAndTheKeysOfLoopControl() {
        Cli.Result r = new Cli(root.resolve("home")).run("doc", "--keywords");

        assertThat(r.exitCode()).isZero();
        for (Loop.With with : Loop.With.values()) {
            assertThat(r.out()).containsPattern("(?m)^" + with.key() + " +a task, a handler or an include$");
        }
        assertThat(r.out()).containsPattern("(?m)^pause +loop_control$").containsPattern("(?m)^extended +loop_control$");
    }

    @Test
    void pauseIsStillTheModuleWhereATaskCallsIt() throws IOException {
        Path playbook = root.resolve("pause.yml");
        Files.writeString(playbook, """
                - hosts: all
                  tasks:
                    - pause: seconds=1
                """);

        Cli.Result r = new Cli(root.resolve("home")).run("lint", playbook.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
    }
}
