package dev.unwind.module.files;

import dev.unwind.module.Diff;
import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.Undo;
import dev.unwind.module.testing.ChangeCycle;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CopyModuleTest {
    @TempDir
    Path tmp;
    TestContext ctx;
    Path area;

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestContext.in(tmp);
        area = Files.createDirectories(tmp.resolve("host"));
    }

    @Test
    void createsAFileFromContentAndItsUndoRemovesIt() throws Exception {
        Path dest = area.resolve("motd");
        Outcome real = ChangeCycle.verify(ctx, area, "copy", Map.of("content", "hello\n", "dest", dest.toString(), "mode", 0640));
        assertThat(real.result()).containsEntry("mode", "0640").containsEntry("dest", dest.toString())
                .containsEntry("checksum", "f572d396fae9206628714fb2ce00f72e94f2258f").containsEntry("size", 6L);
        assertThat(real.undo()).isEqualTo(Undo.of(dev.unwind.module.ModuleCall.of("restore_path",
                Map.of("path", dest.toString(), "kind", "absent"))));
        assertThat(Files.exists(dest)).as("undone").isFalse();
    }

    @Test
    void replacesContentAndUndoRestoresTheExactBytesModeAndOwner() throws Exception {
        Path dest = area.resolve("app.conf");
        byte[] old = {'o', 'l', 'd', 0, (byte) 0xff, '\n'};
        Files.write(dest, old);
        Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rw-------"));
        Outcome real = ChangeCycle.verify(ctx, area, "copy",
                Map.of("content", "new\n", "dest", dest.toString(), "mode", "0644", "owner", "daemon", "group", "daemon"));
        assertThat(real.msg()).contains("content changed", "mode 600 -> 644", "owner root -> daemon", "group root -> daemon");
        assertThat(Files.readAllBytes(dest)).isEqualTo(old);
    }

    @Test
    void changesOnlyTheModeWithoutTakingABackup() throws Exception {
        Path dest = area.resolve("script.sh");
        Files.writeString(dest, "#!/bin/sh\n");
        Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rw-r--r--"));
        Outcome real = ChangeCycle.verify(ctx, area, "copy", Map.of("content", "#!/bin/sh\n", "dest", dest.toString(), "mode", "0755"));
        assertThat(real.msg()).endsWith(": mode 644 -> 755");
        assertThat(ctx.backupCount()).as("no content changed, no bytes kept").isZero();
    }

    @Test
    void copiesAControllerFileIntoAnExistingDirectoryUnderItsOwnName() throws Exception {
        Files.writeString(ctx.controller().resolve("limits.conf"), "* soft nofile 65536\n");
        Path dir = Files.createDirectories(area.resolve("etc"));
        ChangeCycle.verify(ctx, area, "copy", Map.of("src", "limits.conf", "dest", dir.toString()));
        Outcome real = ctx.run("copy", Map.of("src", "limits.conf", "dest", dir.toString()));
        assertThat(real.result()).containsEntry("dest", dir.resolve("limits.conf").toString());
        assertThat(Files.readString(dir.resolve("limits.conf"))).isEqualTo("* soft nofile 65536\n");
    }

    @Test
    void showsTheContentChangeAsAUnifiedDiff() throws Exception {
        Path dest = area.resolve("hosts");
        Files.writeString(dest, "a\nb\nc\n");
        Outcome predicted = ctx.checking().diffing().run("copy", Map.of("content", "a\nB\nc\n", "dest", dest.toString()));
        Diff diff = predicted.diff();
        assertThat(diff.before()).isEqualTo("a\nb\nc\n");
        assertThat(diff.after()).isEqualTo("a\nB\nc\n");
        assertThat(diff.unified()).contains("-b\n+B\n");
    }

    @Test
    void forceNoKeepsAnExistingFile() throws Exception {
        Path dest = area.resolve("keep");
        Files.writeString(dest, "mine\n");
        Outcome o = ctx.run("copy", Map.of("content", "theirs\n", "dest", dest.toString(), "force", false));
        assertThat(o.status()).isEqualTo(Status.OK);
        assertThat(Files.readString(dest)).isEqualTo("mine\n");
    }

    @Test
    void aMissingDirectoryFailsTheRealRunButCheckModeAssumesAnEarlierTaskCreatesIt() throws Exception {
        Map<String, Object> args = Map.of("content", "x", "dest", area.resolve("missing/file").toString());
        Outcome predicted = ctx.checking().run("copy", args);
        Outcome real = ctx.run("copy", args);
        assertThat(predicted.status()).isEqualTo(Status.CHANGED);
        assertThat(real.status()).isEqualTo(Status.FAILED);
        assertThat(real.msg()).contains("does not exist");
    }

    @Test
    void failsInCheckModeForAnOwnerThatDoesNotExist() throws Exception {
        Outcome predicted = ctx.checking().run("copy", Map.of("content", "x", "dest", area.resolve("f").toString(), "owner", "no-such-user-x"));
        assertThat(predicted.status()).isEqualTo(Status.FAILED);
        assertThat(predicted.msg()).contains("owner 'no-such-user-x' does not exist");
    }

    @Test
    void replacingALinkWithAFileIsUndoneByRestoringTheLink() throws Exception {
        Path target = Files.writeString(area.resolve("target"), "t\n");
        Files.createSymbolicLink(area.resolve("current"), target);
        ChangeCycle.verify(ctx, area, "copy", Map.of("content", "own\n", "dest", area.resolve("current").toString()));
        assertThat(Files.isSymbolicLink(area.resolve("current"))).isTrue();
        assertThat(Files.readString(target)).isEqualTo("t\n");
    }
}
