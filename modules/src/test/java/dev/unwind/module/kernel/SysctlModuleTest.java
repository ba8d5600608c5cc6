package dev.unwind.module.kernel;

import dev.unwind.module.Outcome;
import dev.unwind.module.Undo;
import dev.unwind.module.testing.ChangeCycle;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** sysctl's file half through the change cycle (no reload, no sysctl_set: the kernel is only read). */
class SysctlModuleTest {
    @TempDir
    Path root;

    @Test
    void aKeySetInAFileIsUndoneToTheFilesPreviousBytes() throws Exception {
        Path area = Files.createDirectories(root.resolve("etc"));
        Path conf = Files.writeString(area.resolve("sysctl.conf"), "# tuning\nnet.core.somaxconn = 4096\nnet.core.somaxconn=8192\n");
        TestContext ctx = TestContext.in(root);
        Outcome real = ChangeCycle.verify(ctx, area, "sysctl", Map.of("name", "net.core.somaxconn", "value", 1024,
                "sysctl_file", conf.toString(), "reload", false));
        assertThat(real.undo()).isInstanceOf(Undo.Calls.class);
    }

    @Test
    void aNewFileIsRemovedByItsUndoAndAnAbsentKeyIsPutBack() throws Exception {
        Path area = Files.createDirectories(root.resolve("etc"));
        TestContext ctx = TestContext.in(root);
        ChangeCycle.verify(ctx, area, "sysctl", Map.of("name", "net.ipv4.ip_forward", "value", "yes",
                "sysctl_file", area.resolve("60-unwind.conf").toString(), "reload", false));
        Path conf = Files.writeString(area.resolve("sysctl.conf"), "net.ipv4.ip_forward=1\n; keep\n");
        ChangeCycle.verify(ctx, area, "sysctl", Map.of("name", "net.ipv4.ip_forward", "state", "absent",
                "sysctl_file", conf.toString(), "reload", false));
    }

    @Test
    void aValueEqualAsTheKernelReadsItIsNoChange() throws Exception {
        Path conf = Files.writeString(root.resolve("sysctl.conf"), "net.ipv4.tcp_rmem = 4096\t131072 6291456\n");
        Outcome o = TestContext.in(root).run("sysctl", Map.of("name", "net.ipv4.tcp_rmem", "value", "4096 131072  6291456",
                "sysctl_file", conf.toString(), "reload", false));
        assertThat(o.changed()).as(o.msg()).isFalse();
    }
}
