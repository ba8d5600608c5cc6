package dev.unwind.playbook;

import dev.unwind.cli.Cli;
import dev.unwind.testing.SideBySide;
import dev.unwind.testing.TreeImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The variables Ansible gives every play — which hosts are in it and in its batch, the tags and diff asked for, the
 * version, the play's name — and {@code omit} and {@code include_vars}, run by ansible-playbook and by unwind side by
 * side on three local hosts: the files each leaves are byte-, mode- and owner-identical.
 */
class AnsibleVariablesTest {
    private static final List<String> HOSTS = List.of("h1", "h2", "h3");

    /** Every task is tagged t1 (or always), so that --tags t1 runs them all. */
    static final String MAGIC = """
            - name: magic variables
              hosts: local
              gather_facts: false
              serial: 2
              tasks:
                - name: a folder per host
                  ansible.builtin.file: path=OUT/(inventory_hostname) state=directory mode=0755
                  tags: t1
                - name: h2 leaves the play
                  ansible.builtin.meta: end_host
                  when: inventory_hostname == 'h2'
                  tags: t1
                - name: the batch, without the host that left
                  ansible.builtin.copy:
                    dest: "OUT/(inventory_hostname)/batch-(item)"
                    content: "(ansible_play_batch[0])\\n"
                    mode: "0644"
                  loop: "(ansible_play_batch)"
                  tags: t1
                - name: its old name
                  ansible.builtin.copy: dest=OUT/(inventory_hostname)/play-hosts-(item) content=x mode=0644
                  loop: "(play_hosts)"
                  tags: always
                - name: the hosts still in the play
                  ansible.builtin.copy: dest=OUT/(inventory_hostname)/hosts-(item) content=x mode=0644
                  loop: "(ansible_play_hosts)"
                  tags: t1
                - name: every host of the play
                  ansible.builtin.copy: dest=OUT/(inventory_hostname)/all-(item) content=x mode=0644
                  loop: "(ansible_play_hosts_all)"
                  tags: t1
                - name: the tags asked for
                  ansible.builtin.copy: dest=OUT/(inventory_hostname)/run-tag-(item) content=x mode=0644
                  loop: "(ansible_run_tags)"
                  tags: t1
                - name: the tags skipped
                  ansible.builtin.copy: dest=OUT/(inventory_hostname)/skip-tag-(item) content=x mode=0644
                  loop: "(ansible_skip_tags)"
                  tags: t1
                - name: diff mode
                  ansible.builtin.copy: dest=OUT/(inventory_hostname)/diff-mode content=x mode=0644
                  when: ansible_diff_mode
                  tags: t1
                - name: a task that is skipped by tag
                  ansible.builtin.copy: dest=OUT/(inventory_hostname)/skipped content=x mode=0644
                  tags: [t1, t9]
                - name: the play's name
                  ansible.builtin.copy:
                    dest: "OUT/(inventory_hostname)/play-name"
                    content: "(ansible_play_name)\\n"
                    mode: "0644"
                  tags: t1
                - name: the version, in Ansible's shape
                  ansible.builtin.copy:
                    dest: "OUT/(inventory_hostname)/version-(item.key)"
                    content: "«'number' if item.value is number else 'text' ¦ item.value?is_number?then('number', 'text')»\\n"
                    mode: "0644"
                  with_dict: "(ansible_version)"
                  tags: t1
            """;

    @TempDir
    Path root;

    @Test
    void theMagicVariablesAreAnsiblesWithOptions() throws Exception {
        sameFilesAsAnsible(root.resolve("options"), List.of("--tags", "t1", "--skip-tags", "t9", "--diff"),
                "h1/run-tag-t1", "h1/skip-tag-t9", "h1/diff-mode", "h3/hosts-h2", "h1/batch-h1", "h3/batch-h3",
                "h1/all-h2", "h1/version-revision");
    }

    @Test
    void theMagicVariablesAreAnsiblesWithoutOptions() throws Exception {
        sameFilesAsAnsible(root.resolve("plain"), List.of(), "h1/run-tag-all", "h3/skipped", "h1/play-hosts-h1");
    }

    /** Ansible's and unwind's runs leave the same files, among them {@code expected} (so the play did run). */
    private void sameFilesAsAnsible(Path dir, List<String> options, String... expected) throws Exception {
        Files.createDirectories(dir);
        SideBySide run = SideBySide.of(dir, MAGIC, HOSTS, options);
        Cli.Result r = run.unwind(new Cli(dir.resolve("home")));

        assertThat(run.ansibleOut()).contains("failed=0");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, String> ansibleTree = TreeImage.of(run.byAnsible());
        assertThat(ansibleTree).as(run.ansibleOut()).containsKeys(expected).doesNotContainKeys("h2/batch-h2");
        assertThat(TreeImage.of(run.byUnwind())).as(r.toString()).isEqualTo(ansibleTree);
    }

    static final String OMIT = """
            - name: omit
              hosts: local
              gather_facts: false
              vars:
                given_mode: "0600"
              tasks:
                - name: the output folder
                  ansible.builtin.file: path=OUT state=directory mode=0755
                - name: an argument left out when its variable is undefined
                  ansible.builtin.copy:
                    dest: OUT/omitted.txt
                    content: "default mode\\n"
                    mode: "«no_such_mode | default(omit) ¦ no_such_mode!omit»"
                - name: and given when it is defined
                  ansible.builtin.copy:
                    dest: OUT/given.txt
                    content: "given mode\\n"
                    mode: "«given_mode | default(omit) ¦ given_mode!omit»"
            """;

    @Test
    void omitLeavesAnArgumentOutAsIfItWereNotWritten() throws Exception {
        SideBySide run = SideBySide.of(root, OMIT);
        Cli.Result r = run.unwind(new Cli(root.resolve("home")));

        assertThat(run.ansibleOut()).contains("failed=0");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, String> ansibleTree = TreeImage.of(run.byAnsible());
        assertThat(ansibleTree).containsKeys("omitted.txt", "given.txt");
        assertThat(TreeImage.of(run.byUnwind())).as(r.toString()).isEqualTo(ansibleTree);
    }

    static final String INCLUDE_VARS = """
            - name: include_vars
              hosts: local
              gather_facts: false
              vars:
                from_play: play
              tasks:
                - name: the output folder
                  ansible.builtin.file: path=OUT state=directory mode=0755
                - name: a set_fact the included vars do not override
                  ansible.builtin.set_fact:
                    from_fact: fact
                - name: one file, found under vars/
                  ansible.builtin.include_vars: common.yml
                - name: one file, under a name
                  ansible.builtin.include_vars:
                    file: extra.yml
                    name: extra
                - name: a folder of them, in sorted order
                  ansible.builtin.include_vars:
                    dir: vars/layers
                    files_matching: "^[a-z]"
                    ignore_files: [skip.yml]
                - name: the first found of a list
                  ansible.builtin.include_vars: "(item)"
                  with_first_found:
                    - missing.yml
                    - flavour.yml
                - name: what each variable became
                  ansible.builtin.copy:
                    dest: OUT/vars.txt
                    content: |
                      (from_play) (from_fact) (common) (extra.deep.value) (layered) (first_only) (flavour) (shared)
                    mode: "0644"
                  vars:
                    shared: task vars lose to included ones
            """;

    @Test
    void includeVarsLoadsFilesAndFoldersAtItsPrecedence() throws Exception {
        Path vars = Files.createDirectories(root.resolve("vars/layers"));
        Files.createDirectories(vars.resolve("sub"));
        Files.writeString(vars.getParent().resolve("common.yml"), "common: from common\nfrom_play: common beats play\n"
                + "from_fact: common loses to set_fact\nshared: common\n");
        Files.writeString(vars.getParent().resolve("extra.yml"), "deep: {value: nested}\n");
        Files.writeString(vars.getParent().resolve("flavour.yml"), "flavour: first found\n");
        Files.writeString(vars.resolve("b.yml"), "layered: b\nshared: b\n");
        Files.writeString(vars.resolve("a.yml"), "layered: a\nfirst_only: a\n");
        Files.writeString(vars.resolve("skip.yml"), "layered: skipped\n");
        Files.writeString(vars.resolve("Upper.yml"), "layered: not matching\n");
        Files.writeString(vars.resolve("sub/c.yml"), "layered: c from sub\n");
        SideBySide run = SideBySide.of(root, INCLUDE_VARS);
        Cli.Result r = run.unwind(new Cli(root.resolve("home")));

        assertThat(run.ansibleOut()).contains("failed=0");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, String> ansibleTree = TreeImage.of(run.byAnsible());
        assertThat(ansibleTree).containsKeys("vars.txt");
        assertThat(TreeImage.of(run.byUnwind())).as(r.toString() + Files.readString(run.byUnwind().resolve("vars.txt")))
                .isEqualTo(ansibleTree);
    }
}
