package dev.unwind.playbook;

import dev.unwind.cli.Cli;
import dev.unwind.testing.SideBySideProject;
import dev.unwind.testing.TreeImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code args: apply:} gives the included tasks its keywords, as ansible-playbook does: the same files. */
class IncludeApplyTest {
    @TempDir
    Path root;

    @Test
    void applyReachesEveryIncludedTask() throws Exception {
        SideBySideProject run = SideBySideProject.run(root, Map.of(
                "site.yml", """
                        - hosts: local
                          gather_facts: false
                          tasks:
                            - ansible.builtin.file: path=OUT state=directory mode=0755
                            - name: the included part, with what apply gives it
                              ansible.builtin.include_tasks:
                                file: part.yml
                              args:
                                apply:
                                  environment:
                                    PART: applied
                                  vars:
                                    label: from-apply
                        """,
                "part.yml", """
                        - ansible.builtin.shell: echo "$PART (label)" > OUT/part.txt
                          changed_when: false
                        """));
        Cli.Result r = new Cli(root.resolve("home")).run("play", run.playbook().toString(), "-i", run.inventory().toString());

        assertThat(run.ansibleOut()).contains("failed=0");
        assertThat(TreeImage.of(run.byAnsible())).containsKey("part.txt");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TreeImage.of(run.byUnwind())).as(r.toString()).isEqualTo(TreeImage.of(run.byAnsible()));
    }
}
