package dev.unwind.playbook;

import dev.unwind.cli.Cli;
import dev.unwind.testing.SideBySideProject;
import dev.unwind.testing.TreeImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles as Ansible runs them — play roles with parameters, meta dependencies run once, defaults below the inventory,
 * role vars, the role's files/ and templates/, role handlers (also notified as "role : name"), import_role with
 * tasks_from, include_role — run by ansible-playbook and by unwind side by side: the files each leaves are byte-,
 * mode- and owner-identical, and a failure after the roles takes back everything they placed.
 */
class RolesTest {
    @TempDir
    Path root;

    static Map<String, String> project(String extraTask) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("site.yml", """
                - name: roles as Ansible runs them
                  hosts: local
                  gather_facts: false
                  roles:
                    - base
                    - role: web
                      web_port: 8080
                  tasks:
                    - name: a part of a role, imported
                      import_role:
                        name: web
                        tasks_from: extra
                    - name: another role's tasks, included
                      include_role:
                        name: base
                        tasks_from: note
                """ + extraTask);
        files.put("roles/base/defaults/main.yml", """
                base_greeting: hello from base
                base_dir: OUT
                """);
        files.put("roles/base/tasks/main.yml", """
                - name: the output folder
                  ansible.builtin.file:
                    path: "(base_dir)"
                    state: directory
                    mode: "0755"
                - name: a line per run of base
                  ansible.builtin.lineinfile:
                    path: "(base_dir)/base.log"
                    line: "(base_greeting)"
                    create: true
                    mode: "0644"
                """);
        files.put("roles/base/tasks/note.yml", """
                - name: a note from base
                  ansible.builtin.copy:
                    dest: "(base_dir)/note.txt"
                    content: "(base_greeting)\\n"
                    mode: "0600"
                """);
        files.put("roles/web/meta/main.yml", """
                galaxy_info:
                  author: test
                dependencies:
                  - role: base
                """);
        files.put("roles/web/defaults/main.yml", """
                web_port: 80
                web_root: "(base_dir)/www"
                extra_name: from defaults
                """);
        files.put("roles/web/vars/main.yml", """
                web_note: from role vars
                """);
        files.put("roles/web/tasks/main.yml", """
                - name: the web root
                  ansible.builtin.file: path="(web_root)" state=directory mode=0750
                - name: the page, from the role's templates
                  ansible.builtin.template:
                    src: page.tmpl
                    dest: "(web_root)/index.html"
                    mode: "0644"
                  notify: restart web
                - name: a static file, from the role's files
                  ansible.builtin.copy:
                    src: static.txt
                    dest: "(web_root)/static.txt"
                    mode: "0640"
                  notify: "web : reload web"
                - ansible.builtin.include_tasks: extra.yml
                """);
        files.put("roles/web/tasks/extra.yml", """
                - name: an extra file
                  ansible.builtin.copy:
                    dest: "(web_root)/extra-(web_port).txt"
                    content: "(extra_name) on (web_port)\\n"
                    mode: "0644"
                """);
        files.put("roles/web/templates/page.tmpl", "port (web_port), (web_note)\n");
        files.put("roles/web/files/static.txt", "static bytes\n");
        files.put("roles/web/handlers/main.yml", """
                - name: restart web
                  ansible.builtin.lineinfile:
                    path: "(base_dir)/handlers.log"
                    line: restart web on (web_port)
                    create: true
                    mode: "0644"
                - name: reload web
                  ansible.builtin.lineinfile:
                    path: "(base_dir)/handlers.log"
                    line: reload web
                    create: true
                    mode: "0644"
                """);
        return files;
    }

    @Test
    void rolesLeaveTheFilesAnsibleLeaves() throws Exception {
        SideBySideProject run = SideBySideProject.run(root, project(""));
        Cli cli = new Cli(root.resolve("home"));
        Cli.Result first = cli.run("play", run.playbook().toString(), "-i", run.inventory().toString());
        Cli.Result second = cli.run("play", run.playbook().toString(), "-i", run.inventory().toString());

        assertThat(run.ansibleOut()).contains("failed=0");
        Map<String, String> ansibleTree = TreeImage.of(run.byAnsible());
        assertThat(ansibleTree).containsKeys("base.log", "note.txt", "handlers.log", "www/index.html", "www/static.txt",
                "www/extra-80.txt", "www/extra-8080.txt");
        // base runs once although the play and web's meta both name it
        assertThat(Files.readString(run.byAnsible().resolve("base.log"))).isEqualTo("hello from base\n");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(TreeImage.of(run.byUnwind())).as(first.toString()).isEqualTo(ansibleTree);
        assertThat(first.out()).contains("web : the page, from the role's templates").contains("RUNNING HANDLER [web : restart web]");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("changed=0");
    }

    @Test
    void aFailureAfterTheRolesTakesBackWhatTheyAndTheirHandlersPlaced() throws Exception {
        SideBySideProject run = SideBySideProject.run(root, project("""
                  post_tasks:
                    - name: something later fails
                      ansible.builtin.fail: msg=injected
                """));
        Files.createDirectories(run.byUnwind());
        Map<String, String> before = TreeImage.of(root.resolve("by-unwind"));

        Cli.Result r = new Cli(root.resolve("home")).run("play", run.playbook().toString(), "-i", run.inventory().toString());

        assertThat(run.ansibleOut()).contains("failed=1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        // the handlers' own changes (lines in a log) had an undo: they were taken back with the rest, not re-run
        assertThat(r.out()).contains("undone       localhost <- restart web").doesNotContain("again, after the unwind");
        assertThat(TreeImage.of(run.byUnwind())).as(r.toString()).isEqualTo(before);
    }

    @Test
    void aMissingRoleOrTasksFromIsRefusedBeforeAnythingRuns() throws IOException {
        Path playbook = root.resolve("site.yml");
        Files.createDirectories(root.resolve("roles/known/tasks"));
        Files.writeString(root.resolve("roles/known/tasks/main.yml"), "- debug: msg=hi\n");
        Files.writeString(playbook, """
                - hosts: all
                  roles:
                    - unknown_role
                  tasks:
                    - import_role:
                        name: known
                        tasks_from: absent
                    - include_role:
                        name: known
                        task_from: main
                """);

        Cli.Result r = new Cli(root.resolve("home")).run("lint", playbook.toString());

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.out() + r.err()).contains("site.yml:3:7").contains("cannot find role 'unknown_role'")
                .contains("has no tasks/absent.yml").contains("unknown argument 'task_from' of include_role: did you mean 'tasks_from'?");
    }
}
