package dev.unwind.playbook;

import dev.unwind.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What porting five public Ansible artifacts ran into: each mistake a porter makes is named at its place, once, and
 * what Ansible accepts (roles in sub-folders, play 'user:', a checked command's stdout) works.
 */
class PortedPlaybooksTest {
    @TempDir
    Path root;

    private Cli.Result lint(String playbook) throws IOException {
        Path site = root.resolve("site.yml");
        Files.writeString(site, playbook);
        return new Cli(root.resolve("home")).run("lint", site.toString());
    }

    @Test
    void jinjaLeftInATemplateIsNamedAtItsLineUnlessInsideNoparse() throws IOException {
        Files.createDirectories(root.resolve("templates"));
        Files.writeString(root.resolve("templates/page.j2"), "<#noparse>{{ kept }}</#noparse>\nport ${port}\n{% if x %}yes{% endif %}\n");

        Cli.Result r = lint("""
                - hosts: all
                  tasks:
                    - template: src=page.j2 dest=/tmp/page
                """);

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains("page.j2:3:1: Jinja2 in a template").contains("<#noparse>");
        assertThat(r.err()).doesNotContain("page.j2:1:");
    }

    @Test
    void anUnquotedBangIsATagAndSaysHowToQuoteIt() throws IOException {
        Cli.Result r = lint("""
                - hosts: all
                  tasks:
                    - debug: msg=hi
                      when: !ready
                """);

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains("site.yml:4:13").contains("'!ready' is a YAML tag").doesNotContain("internal error");
    }

    @Test
    void aHandlerThatCannotBeReadIsReportedOnceNotAgainByEachNotify() throws IOException {
        Cli.Result r = lint("""
                - hosts: all
                  tasks:
                    - copy: dest=/tmp/x content=x
                      notify: restart it
                  handlers:
                    - name: restart it
                      no_such_module: name=x
                """);

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains("unknown module 'no_such_module'").doesNotContain("notifies 'restart it'");
    }

    @Test
    void rolesInSubFoldersOfRolesAndThePlaysUserAreFoundAsAnsibleFindsThem() throws IOException {
        Files.createDirectories(root.resolve("roles/k0s/worker/tasks"));
        Files.writeString(root.resolve("roles/k0s/worker/tasks/main.yml"), "- debug: msg=worker\n");

        Cli.Result r = lint("""
                - hosts: all
                  user: deploy
                  roles:
                    - k0s/worker
                """);

        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    @Test
    void aCommandCheckModeSkipsRegistersEmptyOutputForTheTasksAfterIt() throws IOException {
        Path site = root.resolve("site.yml");
        Files.writeString(site, """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - command: cat /etc/hostname
                      register: name
                      undo: none
                      reason: a read Ansible would skip in check mode too
                    - debug: msg="name is [${name.stdout}] ${name.stdout_lines?size} lines"
                """);

        Cli.Result r = new Cli(root.resolve("home")).run("play", site.toString(), "--check", "-e",
                "unwind_lock_path=" + root.resolve("lock"));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("name is [] 0 lines");
    }
}
