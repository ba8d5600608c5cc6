package dev.unwind.module.command;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.UndoKind;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandModuleTest {
    @TempDir
    Path tmp;
    TestContext ctx;

    @BeforeEach
    void setUp() {
        ctx = TestContext.in(tmp);
    }

    @Test
    void runsWithoutAShellAndReportsAnsiblesResultKeys() throws Exception {
        Outcome o = ctx.run("command", Map.of("cmd", "echo '$HOME' a|b"));
        assertThat(o.status()).isEqualTo(Status.CHANGED);
        assertThat(o.result()).containsEntry("rc", 0).containsEntry("stdout", "$HOME a|b")
                .containsEntry("stdout_lines", List.of("$HOME a|b")).containsEntry("stderr", "")
                .containsEntry("cmd", List.of("echo", "$HOME", "a|b"));
        assertThat((String) o.result().get("delta")).matches("0:00:0\\d\\.\\d{6}");
        assertThat((String) o.result().get("start")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(o.undo()).as("a command cannot know its inverse").isNull();
        assertThat(new CommandModule().spec().undo()).isEqualTo(UndoKind.EXPLICIT);
    }

    @Test
    void argvPassesEachWordUntouched() throws Exception {
        Outcome o = ctx.run("command", Map.of("argv", List.of("printf", "%s|", "two words", "it's")));
        assertThat(o.result()).containsEntry("stdout", "two words|it's|");
    }

    @Test
    void aNonZeroExitFailsWithTheOutputKept() throws Exception {
        Outcome o = ctx.run("command", Map.of("argv", List.of("sh", "-c", "echo out; echo err >&2; exit 3")));
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.msg()).isEqualTo("non-zero return code");
        assertThat(o.result()).containsEntry("rc", 3).containsEntry("stdout", "out").containsEntry("stderr_lines", List.of("err"));
    }

    @Test
    void createsAndRemovesGuardTheRunInCheckModeAndForReal() throws Exception {
        Path marker = tmp.resolve("done");
        Map<String, Object> args = Map.of("cmd", "touch done", "chdir", tmp.toString(), "creates", "done");
        Outcome predicted = ctx.checking().run("command", args);
        assertThat(predicted.status()).isEqualTo(Status.CHANGED);
        assertThat(Files.exists(marker)).as("check mode ran nothing").isFalse();
        assertThat(ctx.run("command", args).status()).isEqualTo(Status.CHANGED);
        assertThat(Files.exists(marker)).isTrue();
        Outcome second = ctx.run("command", args);
        assertThat(second.status()).isEqualTo(Status.OK);
        assertThat(second.msg()).isEqualTo("skipped, since done exists");
        assertThat(ctx.checking().run("command", args).status()).isEqualTo(Status.OK);

        Map<String, Object> removing = Map.of("cmd", "rm " + marker, "removes", marker.toString());
        assertThat(ctx.checking().run("command", removing).status()).isEqualTo(Status.CHANGED);
        assertThat(ctx.run("command", removing).status()).isEqualTo(Status.CHANGED);
        assertThat(ctx.run("command", removing).status()).isEqualTo(Status.OK);
        assertThat(ctx.checking().run("command", removing).status()).isEqualTo(Status.OK);
    }

    @Test
    void withoutGuardsCheckModeSkipsAndRunsNothing() throws Exception {
        Outcome o = ctx.checking().run("command", Map.of("cmd", "touch " + tmp.resolve("x")));
        assertThat(o.status()).isEqualTo(Status.SKIPPED);
        assertThat(o.msg()).isEqualTo("skipped in check mode");
        assertThat(Files.exists(tmp.resolve("x"))).isFalse();
    }

    @Test
    void feedsStdinWithANewlineAndRunsInChdir() throws Exception {
        Outcome o = ctx.run("command", Map.of("cmd", "cat", "stdin", "secret"));
        assertThat(o.result()).containsEntry("stdout", "secret");
        Outcome pwd = ctx.run("command", Map.of("cmd", "pwd", "chdir", tmp.toString()));
        assertThat(pwd.result()).containsEntry("stdout", tmp.toString());
        Outcome missing = ctx.run("command", Map.of("cmd", "pwd", "chdir", tmp.resolve("nope").toString()));
        assertThat(missing.status()).isEqualTo(Status.FAILED);
    }

    @Test
    void aMissingProgramFailsWithRc127() throws Exception {
        Outcome o = ctx.run("command", Map.of("cmd", "no-such-program-xyz"));
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.result()).containsEntry("rc", 127);
    }
}
