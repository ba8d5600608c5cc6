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

class ScriptModuleTest {
    @TempDir
    Path tmp;

    @Test
    void sendsTheLocalScriptRunsItWithArgumentsAndLeavesNoTemporaryFile() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        Files.writeString(ctx.controller().resolve("hello.sh"), "#!/bin/sh\necho \"hello $1\"\necho \"[$2]\"\necho \"$0\" >&2\nexit 0\n");
        Outcome o = ctx.run("script", Map.of("cmd", "hello.sh world 'two words'"));
        assertThat(o.status()).as(o.msg()).isEqualTo(Status.CHANGED);
        assertThat(o.result()).containsEntry("stdout_lines", List.of("hello world", "[two words]"));
        Path copy = Path.of((String) o.result().get("stderr"));
        assertThat(copy).as("the script ran from a temporary copy").isNotEqualTo(ctx.controller().resolve("hello.sh"));
        assertThat(Files.exists(copy)).as("the temporary copy is removed").isFalse();
    }

    @Test
    void itsExitStatusDecidesAndCheckModeSkipsIt() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        Files.writeString(ctx.controller().resolve("fail.sh"), "echo no >&2; exit 4\n");
        Outcome o = ctx.run("script", Map.of("cmd", "fail.sh", "executable", "/bin/sh"));
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.result()).containsEntry("rc", 4).containsEntry("stderr", "no");
        assertThat(ctx.checking().run("script", Map.of("cmd", "fail.sh")).status()).isEqualTo(Status.SKIPPED);
        assertThat(ctx.run("script", Map.of("cmd", "missing.sh")).msg()).contains("does not exist");
    }
}
