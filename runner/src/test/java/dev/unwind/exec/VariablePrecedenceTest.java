package dev.unwind.exec;

import dev.unwind.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Ansible's precedence, and a default that keeps the value it overrides. */
class VariablePrecedenceTest {
    @TempDir
    Path root;

    @Test
    void eachLayerWinsOverTheOneBelowAndExtraVarsWinOverAll() throws Exception {
        Files.writeString(root.resolve("inv.ini"), """
                [web]
                h1 ansible_connection=local from_host=host
                [web:vars]
                from_group=group
                from_host=group
                from_play=group
                """);
        Files.createDirectories(root.resolve("vars"));
        Files.writeString(root.resolve("vars/files.yml"), "from_files: files\nfrom_play: files\ndefaulted: ${defaulted!\"default\"}\n"
                + "kept: ${kept!\"default\"}\n");
        Files.writeString(root.resolve("pb.yml"), """
                - hosts: web
                  gather_facts: false
                  vars:
                    from_play: play
                    from_task: play
                  vars_files: [vars/files.yml]
                  tasks:
                    - set_fact:
                        from_fact: fact
                    - copy:
                        dest: %s/out
                        content: "${from_group} ${from_host} ${from_play} ${from_files} ${from_task} ${from_fact} ${defaulted} ${kept} ${from_extra}\\n"
                      vars:
                        from_task: task
                        from_fact: task
                """.formatted(root));

        Cli.Result r = new Cli(root.resolve("home")).run("play", root.resolve("pb.yml").toString(), "-i",
                root.resolve("inv.ini").toString(), "-e", "from_extra=extra kept=extra-kept", "-e", "{\"from_fact\": \"extra\"}");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(root.resolve("out")))
                .isEqualTo("group host files files task extra default extra-kept extra\n");
    }
}
