package dev.unwind.playbook;

import dev.unwind.cli.Cli;
import dev.unwind.testing.SideBySideProject;
import dev.unwind.testing.TreeImage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tags on includes and imports, beside ansible-playbook with the same --tags/--skip-tags: an include_tasks' or
 * include_role's own tags decide only whether it runs, and its tasks are judged by their own tags and those of the
 * blocks around it; an import's tags are inherited. The same files must come out of both.
 */
class IncludeTagsTest {
    private static final String TASKS = """
            - name: untagged
              ansible.builtin.copy: {dest: "OUT/(via)-untagged", content: "x\\n", mode: "0644"}
            - name: tagged y
              ansible.builtin.copy: {dest: "OUT/(via)-y", content: "x\\n", mode: "0644"}
              tags: [y]
            - name: tagged always
              ansible.builtin.copy: {dest: "OUT/(via)-always", content: "x\\n", mode: "0644"}
              tags: [always]
            """;

    private static final String SITE = """
            - hosts: local
              gather_facts: false
              tasks:
                - ansible.builtin.file: {path: OUT, state: directory, mode: "0755"}
                  tags: [always]
                - ansible.builtin.include_tasks: inc.yml
                  vars: {via: include}
                  tags: [x]
                - ansible.builtin.import_tasks: inc.yml
                  vars: {via: import}
                  tags: [x]
                - block:
                    - ansible.builtin.include_tasks: inc.yml
                      vars: {via: in-block}
                  tags: [b]
                - ansible.builtin.include_role: {name: r}
                  vars: {via: role}
                  tags: [x]
                - ansible.builtin.import_role: {name: r}
                  vars: {via: imported-role}
                  tags: [x]
                - ansible.builtin.include_tasks:
                    file: inc.yml
                    apply: {tags: [x]}
                  vars: {via: apply}
                  tags: [always]
            """;

    @TempDir
    Path root;

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "--tags x", "--tags y", "--tags b", "--skip-tags x", "--skip-tags y", "--tags untagged",
            "--tags y --skip-tags x"})
    void includesAndImportsAreSelectedByTagsAsAnsibleSelectsThem(String options) throws Exception {
        List<String> opts = options.isEmpty() ? List.of() : Arrays.asList(options.split(" "));
        SideBySideProject run = SideBySideProject.run(root, Map.of("site.yml", SITE, "inc.yml", TASKS,
                "roles/r/tasks/main.yml", TASKS), "[local]\nlocalhost ansible_connection=local unwind_lock_path=LOCKS/localhost\n", opts);
        List<String> args = new ArrayList<>(List.of("play", run.playbook().toString(), "-i", run.inventory().toString()));
        args.addAll(opts);

        Cli.Result r = new Cli(root.resolve("home")).run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TreeImage.of(run.byUnwind())).as("%s%nansible printed:%n%s", r, run.ansibleOut())
                .isEqualTo(TreeImage.of(run.byAnsible()));
    }
}
