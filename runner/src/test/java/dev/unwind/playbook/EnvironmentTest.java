package dev.unwind.playbook;

import dev.unwind.cli.Cli;
import dev.unwind.testing.SideBySideProject;
import dev.unwind.testing.TreeImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code environment} on a play, a block and a task — inner layers winning, values templated, through become as well —
 * reaches the commands as ansible-playbook's does: the files each writes are identical. A root login asked to become
 * root runs no sudo, as in Ansible.
 */
class EnvironmentTest {
    @TempDir
    Path root;

    static final String PLAY = """
            - name: environment
              hosts: local
              gather_facts: false
              vars:
                region: north
              environment:
                APP_REGION: "(region)"
                APP_LAYER: play
              tasks:
                - name: the output folder
                  ansible.builtin.file: path=OUT state=directory mode=0755
                - name: a block with its own
                  environment:
                    APP_LAYER: block
                    APP_BLOCK: "yes, quoted 'and' spaced"
                  block:
                    - name: the block's and the play's
                      ansible.builtin.shell: printf '%s|%s|%s\\n' "$APP_REGION" "$APP_LAYER" "$APP_BLOCK" > OUT/block.txt
                      changed_when: false
                    - name: the task's wins
                      ansible.builtin.shell: printf '%s|%s\\n' "$APP_LAYER" "$APP_TASK" > OUT/task.txt
                      changed_when: false
                      environment:
                        APP_LAYER: task
                        APP_TASK: "(region)-task"
                    - name: through become, which a root login skips as Ansible does (no sudo, so no SUDO_USER)
                      ansible.builtin.shell: (echo "$APP_LAYER"; [ -n "$SUDO_USER" ] && echo sudo || echo no sudo) > OUT/become.txt
                      changed_when: false
                      become: true
            """;

    @Test
    void theEnvironmentReachesCommandsAsInAnsible() throws Exception {
        SideBySideProject run = SideBySideProject.run(root, Map.of("site.yml", PLAY));
        Cli.Result r = new Cli(root.resolve("home")).run("play", run.playbook().toString(), "-i", run.inventory().toString());

        assertThat(run.ansibleOut()).contains("failed=0");
        assertThat(Files.readString(run.byAnsible().resolve("task.txt"))).isEqualTo("task|north-task\n");
        assertThat(Files.readString(run.byAnsible().resolve("become.txt"))).isEqualTo("block\nno sudo\n");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TreeImage.of(run.byUnwind())).as(r.toString()).isEqualTo(TreeImage.of(run.byAnsible()));
    }
}
