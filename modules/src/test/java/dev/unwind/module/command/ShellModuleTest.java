package dev.unwind.module.command;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShellModuleTest {
    @TempDir
    Path tmp;

    @Test
    void runsThroughTheShellWithPipesAndExpansion() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        Outcome o = ctx.run("shell", Map.of("cmd", "X=1; printf 'a\\nb\\n' | wc -l; echo $X"));
        assertThat(o.status()).isEqualTo(Status.CHANGED);
        assertThat(o.result()).containsEntry("stdout_lines", List.of("2", "1"))
                .containsEntry("cmd", "X=1; printf 'a\\nb\\n' | wc -l; echo $X");
    }

    @Test
    void chdirAppliesToTheWholeScript() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        Outcome o = ctx.run("shell", Map.of("cmd", "false || pwd", "chdir", tmp.toString()));
        assertThat(o.result()).containsEntry("stdout", tmp.toString());
    }

    @Test
    void checkModePredictsFromCreates() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        Files.writeString(tmp.resolve("exists"), "");
        assertThat(ctx.checking().run("shell", Map.of("cmd", "exit 1", "creates", tmp.resolve("exists").toString())).status())
                .isEqualTo(Status.OK);
        assertThat(ctx.checking().run("shell", Map.of("cmd", "exit 1")).status()).isEqualTo(Status.SKIPPED);
    }

    @Test
    void anotherExecutableRunsTheScript() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        Outcome o = ctx.run("shell", Map.of("cmd", "echo $0", "executable", "/bin/bash"));
        assertThat(o.result()).containsEntry("stdout", "/bin/bash");
    }
}
