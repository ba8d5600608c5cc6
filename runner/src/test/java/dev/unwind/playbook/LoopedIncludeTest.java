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
 * include_tasks and include_role with a loop run their tasks once per item, in order, as ansible-playbook does; a
 * failure in the third iteration takes back the first two.
 */
class LoopedIncludeTest {
    @TempDir
    Path root;

    static Map<String, String> project(String last) {
        return Map.of(
                "site.yml", """
                        - hosts: local
                          gather_facts: false
                          tasks:
                            - ansible.builtin.file: path=OUT state=directory mode=0755
                            - name: one part per item
                              ansible.builtin.include_tasks: part.yml
                              loop: [a, b, c]
                              loop_control:
                                loop_var: part
                                index_var: n
                            - name: a role per item
                              ansible.builtin.include_role:
                                name: r
                              loop: [1, 2]
                        """ + last,
                "part.yml", """
                        - ansible.builtin.copy:
                            dest: OUT/part-(part).txt
                            content: "(part) is number (n)\\n"
                            mode: "0644"
                        - ansible.builtin.lineinfile:
                            path: OUT/order.txt
                            line: "(part)"
                            create: true
                            mode: "0644"
                        """,
                "roles/r/tasks/main.yml", """
                        - ansible.builtin.copy: dest=OUT/role-(item).txt content=role mode=0600
                        """);
    }

    @Test
    void eachItemRunsTheIncludedTasksInOrder() throws Exception {
        SideBySideProject run = SideBySideProject.run(root, project(""));
        Cli.Result r = new Cli(root.resolve("home")).run("play", run.playbook().toString(), "-i", run.inventory().toString());

        assertThat(run.ansibleOut()).contains("failed=0");
        assertThat(Files.readString(run.byAnsible().resolve("order.txt"))).isEqualTo("a\nb\nc\n");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TreeImage.of(run.byUnwind())).as(r.toString()).isEqualTo(TreeImage.of(run.byAnsible()));
    }

    @Test
    void aFailureInALaterIterationTakesBackTheEarlierOnes() throws Exception {
        SideBySideProject run = SideBySideProject.run(root, project("""
                    - name: fails after the loops
                      ansible.builtin.fail: msg=injected
                """));
        Files.createDirectories(run.byUnwind());
        Map<String, String> before = TreeImage.of(run.byUnwind());

        Cli.Result r = new Cli(root.resolve("home")).run("play", run.playbook().toString(), "-i", run.inventory().toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(TreeImage.of(run.byUnwind())).as(r.toString()).isEqualTo(before);
    }
}
