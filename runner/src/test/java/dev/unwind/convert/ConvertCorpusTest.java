package dev.unwind.convert;

import dev.unwind.cli.Cli;
import dev.unwind.testing.AnsiblePlaybook;
import dev.unwind.testing.TreeCopy;
import dev.unwind.testing.TreeImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus under {@code convert/project} (a playbook, two roles with defaults, vars, handlers, meta and templates
 * with loops, conditionals, filters, set and whitespace control) converted by {@code unwind convert}: the result lints
 * clean, and run by unwind it leaves exactly the files ansible-playbook leaves from the original.
 */
class ConvertCorpusTest {
    @TempDir
    Path root;

    @Test
    void theConvertedCorpusLintsAndLeavesTheFilesAnsibleLeavesFromTheOriginal() throws Exception {
        Path original = TreeCopy.of(corpus(), root.resolve("original"));
        Path converted = root.resolve("converted");
        Path inventory = Files.writeString(root.resolve("hosts.ini"),
                "[local]\nlocalhost ansible_connection=local unwind_lock_path=" + root.resolve("lock") + "\n");
        Cli cli = new Cli(root.resolve("home"));

        Cli.Result convert = cli.run("convert", original.toString(), "--out", converted.toString());
        Cli.Result lint = cli.run("lint", converted.resolve("site.yml").toString());
        String ansible = AnsiblePlaybook.run(original, root, List.of("-i", inventory.toString(), "-e",
                "out_dir=" + root.resolve("by-ansible"), "site.yml"));
        Cli.Result play = cli.run("play", converted.resolve("site.yml").toString(), "-i", inventory.toString(),
                "-e", "out_dir=" + root.resolve("by-unwind"));

        assertThat(convert.exitCode()).as(convert.toString()).isZero();
        assertThat(convert.out()).contains("nothing needs hand work");
        assertThat(converted.resolve("roles/common/templates/users.conf.ftl")).exists();
        assertThat(converted.resolve("roles/common/templates/users.conf.j2")).doesNotExist();
        assertThat(Files.readString(converted.resolve("roles/web/tasks/main.yml"))).contains("- page.html.ftl")
                .contains("- \"page-${web_port}.html.ftl\"");
        assertThat(Files.readString(converted.resolve("site.yml")))
                .contains("ansible.builtin.command: touch ${out_dir}/touched\n      undo: none  # TODO undo")
                .contains("when: debug_mode\n").contains("- \"!debug_mode\"\n")
                .contains("# The corpus unwind convert is tested on");
        assertThat(converted.resolve("roles/web/files/robots.txt")).hasSameTextualContentAs(original.resolve("roles/web/files/robots.txt"));
        assertThat(lint.exitCode()).as(lint.toString()).isZero();
        assertThat(ansible).contains("failed=0").contains("skipped=1");
        assertThat(play.exitCode()).as(play.toString()).isZero();
        Map<String, String> byAnsible = TreeImage.of(root.resolve("by-ansible"));
        assertThat(byAnsible).containsKeys("common/users.conf", "common/motd", "common/handlers.log", "www/index.html",
                "www/ports.txt", "www/reloaded", "touched", "when.txt", "conditions.txt").doesNotContainKey("debug.txt");
        assertThat(TreeImage.of(root.resolve("by-unwind"))).as(play.toString()).isEqualTo(byAnsible);
    }

    @Test
    void theOldIncludeBecomesWhatAnsiblesPortingGuideSaysAndLeavesWhatAnsibleLeaves() throws Exception {
        Path original = Files.createDirectories(root.resolve("old"));
        // a play-level include Ansible refuses since 2.12 (the oracle cannot run it); the guide's import_playbook it runs
        Files.writeString(original.resolve("legacy.yml"), "- include: plays.yml\n");
        Files.writeString(original.resolve("site.yml"), "- import_playbook: plays.yml\n");
        Files.writeString(original.resolve("plays.yml"), """
                - hosts: local
                  gather_facts: false
                  tasks:
                    - include: tasks/write.yml
                  handlers:
                    - include: handlers/notes.yml
                """);
        Files.createDirectories(original.resolve("tasks"));
        Files.writeString(original.resolve("tasks/write.yml"), """
                - name: write
                  copy: dest={{ out_dir }}/written.txt content="written by {{ inventory_hostname }}"
                  notify: note it
                """);
        Files.createDirectories(original.resolve("handlers"));
        Files.writeString(original.resolve("handlers/notes.yml"), """
                - name: note it
                  copy: dest={{ out_dir }}/noted.txt content=noted
                """);
        Path inventory = Files.writeString(root.resolve("hosts.ini"),
                "[local]\nlocalhost ansible_connection=local unwind_lock_path=" + root.resolve("lock") + "\n");
        Path converted = root.resolve("converted");
        Cli cli = new Cli(root.resolve("home"));
        Files.createDirectories(root.resolve("by-ansible"));
        Files.createDirectories(root.resolve("by-unwind"));

        Cli.Result convert = cli.run("convert", original.toString(), "--out", converted.toString());
        String ansible = AnsiblePlaybook.run(original, root, List.of("-i", inventory.toString(), "-e",
                "out_dir=" + root.resolve("by-ansible"), "site.yml"));
        Cli.Result play = cli.run("play", converted.resolve("site.yml").toString(), "-i", inventory.toString(),
                "-e", "out_dir=" + root.resolve("by-unwind"));

        assertThat(convert.exitCode()).as(convert.toString()).isZero();
        assertThat(Files.readString(converted.resolve("legacy.yml"))).isEqualTo("- import_playbook: plays.yml\n");
        assertThat(Files.readString(converted.resolve("plays.yml"))).contains("- include_tasks: tasks/write.yml")
                .contains("- import_tasks: handlers/notes.yml");
        assertThat(ansible).contains("changed=2").contains("failed=0");
        assertThat(play.exitCode()).as(play.toString()).isZero();
        assertThat(TreeImage.of(root.resolve("by-unwind"))).isEqualTo(TreeImage.of(root.resolve("by-ansible")))
                .containsKeys("written.txt", "noted.txt");
    }

    @ParameterizedTest(name = "given by {0} path")
    @ValueSource(strings = {"an absolute", "a relative"})
    void aPlaybookGivenAloneIsConvertedWithTheRolesBesideIt(String path) throws Exception {
        Path original = TreeCopy.of(corpus(), root.resolve("original"));
        Path converted = root.resolve("converted");
        Cli cli = new Cli(root.resolve("home"));
        Path playbook = path.equals("a relative") ? Path.of("").toAbsolutePath().relativize(original.resolve("site.yml"))
                : original.resolve("site.yml");

        Cli.Result convert = cli.run("convert", playbook.toString(), "--out", converted.toString());

        assertThat(convert.exitCode()).as(convert.toString()).isZero();
        assertThat(converted.resolve("roles/web/templates/page.html.ftl")).exists();
        assertThat(cli.run("lint", converted.resolve("site.yml").toString()).exitCode()).isZero();
    }

    static Path corpus() throws URISyntaxException {
        return Path.of(ConvertCorpusTest.class.getResource("/convert/project/site.yml").toURI()).getParent();
    }
}
