package dev.unwind.vars;

import dev.unwind.cli.Cli;
import dev.unwind.input.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code -e} as Ansible reads it: k=v strings, inline JSON/YAML with types, {@code @file} vars files. */
class ExtraVarsTest {

    @TempDir
    Path dir;

    @Test
    void keyValueValuesAreStringsAndJsonKeepsTypes() {
        Map<String, Object> vars = ExtraVars.parse(List.of("port=22 flag=true name=\"two words\"", "{\"flag2\": true, \"n\": 3}"));

        assertThat(vars).containsEntry("port", "22").containsEntry("flag", "true").containsEntry("name", "two words")
                .containsEntry("flag2", true).containsEntry("n", 3);
    }

    @Test
    void atFileReadsAYamlOrJsonVarsFile() throws IOException {
        Path yaml = Files.writeString(dir.resolve("vars.yml"), "a: 1\nb: [x, y]\n");
        Path json = Files.writeString(dir.resolve("vars.json"), "{\"c\": {\"d\": false}}\n");

        Map<String, Object> vars = ExtraVars.parse(List.of("@" + yaml, "@" + json));

        assertThat(vars).containsEntry("a", 1).containsEntry("b", List.of("x", "y")).containsEntry("c", Map.of("d", false));
    }

    @Test
    void aMissingValueIsAnErrorNotANull() {
        assertThatThrownBy(() -> ExtraVars.parse(List.of("{\"a\": }"))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("-e '{\"a\": }':1:6").hasMessageContaining("the value of 'a' is missing");
        assertThat(ExtraVars.parse(List.of("{\"a\": null}"))).containsEntry("a", null);
    }

    @Test
    void atFileOnTheCommandLineIsUnwindsNotPicocliExpansion() throws IOException {
        // picocli would have read the file as more arguments; a file of options must not become options
        Path options = Files.writeString(dir.resolve("opts.txt"), "--host-key-checking=off\n");
        Path pb = Files.writeString(dir.resolve("pb.yml"), "- hosts: all\n  gather_facts: false\n  tasks: []\n");

        Cli.Result r = new Cli(dir.resolve("home")).run("play", pb.toString(), "-i", "localhost,", "-e", "@" + options);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).contains(options + ":1:1: expected a mapping of variables");
    }
}
