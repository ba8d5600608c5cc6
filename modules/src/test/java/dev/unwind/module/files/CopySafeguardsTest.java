package dev.unwind.module.files;

import dev.unwind.module.Outcome;
import dev.unwind.module.Predictions;
import dev.unwind.module.Status;
import dev.unwind.module.testing.ChangeCycle;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** copy and template with backup and validate, and copy with remote_src. */
class CopySafeguardsTest {
    @TempDir
    Path tmp;
    TestContext ctx;
    Path area;
    Path dest;

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestContext.in(tmp);
        area = Files.createDirectories(tmp.resolve("host"));
        dest = Files.writeString(area.resolve("sudoers"), "old\n");
        Files.writeString(ctx.templates().resolve("conf.ftl"), "new\n");
    }

    Map<String, Object> args(String module, Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("dest", dest.toString());
        if (module.equals("copy")) {
            m.put("content", "new\n");
        } else {
            m.put("src", "conf.ftl");
        }
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"copy", "template"})
    void aFailedValidationLeavesDestAsItWas(String module) throws Exception {
        Outcome o = ctx.run(module, args(module, "validate", "grep -q never %s"));
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.msg()).startsWith("failed to validate: rc:1");
        assertThat(dest).hasContent("old");
        try (var files = Files.list(area)) {
            assertThat(files).hasSize(1);
        }
        ChangeCycle.verify(ctx, area, module, args(module, "validate", "grep -q new %s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"copy", "template"})
    void aBackupIsKeptBesideDestAndTheUndoRemovesIt(String module) throws Exception {
        Outcome o = ctx.run(module, args(module, "backup", true));
        Path backup = Path.of((String) o.result().get("backup_file"));
        assertThat(backup.getFileName().toString()).matches("sudoers\\.\\d+\\.\\d{4}-\\d\\d-\\d\\d@\\d\\d:\\d\\d:\\d\\d~");
        assertThat(backup).hasContent("old");
        ctx.undo(o);
        assertThat(backup).doesNotExist();
        assertThat(dest).hasContent("old");
    }

    @Test
    void remoteSrcCopiesOnTheHost() throws Exception {
        Path src = Files.writeString(tmp.resolve("on-host.conf"), "from the host\n");
        Outcome real = ChangeCycle.verify(ctx, area, "copy", Map.of("src", src.toString(), "remote_src", true,
                "dest", area.resolve("copied.conf").toString(), "mode", "0600"));
        assertThat(real.result()).containsEntry("mode", "0600");
        ChangeCycle.verify(ctx, area, "copy", Map.of("src", src.toString(), "remote_src", true, "dest", dest.toString()));
        Outcome missing = ctx.run("copy", Map.of("src", tmp.resolve("none").toString(), "remote_src", true, "dest", dest.toString()));
        assertThat(missing.msg()).isEqualTo("Source " + tmp.resolve("none") + " not found");
        String later = tmp.resolve("later").toString();
        TestContext checking = ctx.checking();
        checking.predictions().add(Predictions.Kind.PATH, later);
        assertThat(checking.run("copy", Map.of("src", later, "remote_src", true, "dest", dest.toString())).status())
                .isEqualTo(Status.CHANGED);
    }
}
