package dev.unwind.playbook;

import dev.unwind.cli.Cli;
import dev.unwind.testing.AnsiblePlaybook;
import dev.unwind.testing.TreeImage;
import org.junit.jupiter.api.Test;
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

    @Test
    void ansibleAndUnwindLeaveTheSameFiles() throws Exception {
        Path byAnsible = root.resolve("by-ansible");
        Path byUnwind = root.resolve("by-unwind");
        Path inventory = root.resolve("hosts.ini");
        Files.writeString(inventory, "[local]\nlocalhost ansible_connection=local unwind_lock_path=" + root.resolve("lock") + "\n");
        Path jinja = root.resolve("ansible.yml");
        Files.writeString(jinja, PLAY.replace("OUT", byAnsible.toString()).replaceAll("\\(([a-z_\\[\\]0-9]+)\\)", "{{ $1 }}"));
        Path freemarker = root.resolve("unwind.yml");
        Files.writeString(freemarker, PLAY.replace("OUT", byUnwind.toString()).replaceAll("\\(([a-z_\\[\\]0-9]+)\\)", "\\${$1}"));

        String ansibleOut = AnsiblePlaybook.run(root, root, List.of("-i", inventory.toString(), jinja.toString()));
        Cli cli = new Cli(root.resolve("home"));
        Cli.Result first = cli.run("play", freemarker.toString(), "-i", inventory.toString());
        Cli.Result second = cli.run("play", freemarker.toString(), "-i", inventory.toString());

        assertThat(ansibleOut).contains("failed=0");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Map<String, String> ansibleTree = TreeImage.of(byAnsible);
        assertThat(ansibleTree).containsKeys("alpha.txt", "beta.txt", "gamma.txt", "pair-0.txt", "pair-1.txt");
        assertThat(TreeImage.of(byUnwind)).as(first.toString()).isEqualTo(ansibleTree);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("changed=0");
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
