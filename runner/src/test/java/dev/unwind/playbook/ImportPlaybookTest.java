package dev.unwind.playbook;

import dev.unwind.cli.Cli;
import dev.unwind.testing.SideBySideProject;
import dev.unwind.testing.TreeImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * import_playbook as Ansible has it: the imported plays run in place, with the import's vars and conditions, and find
 * their templates and roles beside the imported playbook — the same files as ansible-playbook's.
 */
class ImportPlaybookTest {
    @TempDir
    Path root;

    @Test
    void importedPlaysRunInPlaceFromTheirOwnFolder() throws Exception {
        SideBySideProject run = SideBySideProject.run(root, Map.of(
                "site.yml", """
                        - name: first
                          hosts: local
                          gather_facts: false
                          tasks:
                            - ansible.builtin.file: path=OUT state=directory mode=0755
                        - import_playbook: plays/web.yml
                          vars:
                            colour: blue
                        - ansible.builtin.import_playbook: plays/web.yml
                          vars:
                            colour: red
                          when: colour == "green"
                        """,
                "plays/web.yml", """
                        - name: web
                          hosts: local
                          gather_facts: false
                          vars:
                            shade: light
                          roles:
                            - marker
                          tasks:
                            - ansible.builtin.template:
                                src: page.tmpl
                                dest: OUT/page-(colour).txt
                                mode: "0644"
                        """,
                "plays/templates/page.tmpl", "(colour) (shade)\n",
                "plays/roles/marker/tasks/main.yml", """
                        - ansible.builtin.copy:
                            dest: OUT/marker-(colour).txt
                            content: "marked\\n"
                            mode: "0600"
                        """));
        Cli.Result r = new Cli(root.resolve("home")).run("play", run.playbook().toString(), "-i", run.inventory().toString());

        assertThat(run.ansibleOut()).contains("failed=0");
        assertThat(TreeImage.of(run.byAnsible())).containsOnlyKeys("", "page-blue.txt", "marker-blue.txt");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TreeImage.of(run.byUnwind())).as(r.toString()).isEqualTo(TreeImage.of(run.byAnsible()));
    }

    @Test
    void aMissingImportedPlaybookIsRefusedBeforeAnythingRuns() throws IOException {
        Path site = root.resolve("site.yml");
        Files.writeString(site, """
                - hosts: all
                  tasks:
                    - debug: msg=hi
                - import_playbook: absent.yml
                  serial: 2
                """);

        Cli.Result r = new Cli(root.resolve("home")).run("lint", site.toString());

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.out() + r.err()).contains("site.yml:4:20").contains("cannot import")
                .contains("'serial' does not belong in an import_playbook entry: it goes in a play");
    }
}
