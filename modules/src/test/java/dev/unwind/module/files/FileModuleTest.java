package dev.unwind.module.files;

import dev.unwind.module.ModuleCall;
import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.Undo;
import dev.unwind.module.testing.ChangeCycle;
import dev.unwind.module.testing.TestContext;
import dev.unwind.module.testing.TreeSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FileModuleTest {
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
    void createsADirectoryWithItsMissingParentsAndUndoRemovesThemInnermostFirst() throws Exception {
        Path leaf = area.resolve("opt/app/conf");
        Outcome real = ChangeCycle.verify(ctx, area, "file", Map.of("path", leaf.toString(), "state", "directory", "mode", 0750));
        assertThat(real.undo()).isEqualTo(new Undo.Calls(List.of(
                ModuleCall.of("restore_path", Map.of("path", leaf.toString(), "kind", "absent")),
                ModuleCall.of("restore_path", Map.of("path", area.resolve("opt/app").toString(), "kind", "absent")),
                ModuleCall.of("restore_path", Map.of("path", area.resolve("opt").toString(), "kind", "absent")))));
        assertThat(Files.exists(area.resolve("opt"))).isFalse();
    }

    @Test
    void undoKeepsACreatedDirectoryThatHoldsSomethingUnwindDidNotPutThereAndFails() throws Exception {
        Path dir = area.resolve("data");
        Outcome created = ctx.run("file", Map.of("path", dir.toString(), "state", "directory"));
        Files.writeString(dir.resolve("user-file"), "precious");
        List<Outcome> undone = ctx.undo(created);
        // the host is not where it started: the undo says so rather than claiming success
        assertThat(undone.get(0).status()).isEqualTo(Status.FAILED);
        assertThat(undone.get(0).msg()).contains("kept directory " + dir, "unwind did not put there");
        assertThat(undone.get(0).result()).containsEntry("kept", true);
        assertThat(Files.readString(dir.resolve("user-file"))).isEqualTo("precious");
    }

    @Test
    void changesTheModeOfAnExistingDirectoryAndUndoPutsItBack() throws Exception {
        Path dir = Files.createDirectories(area.resolve("d"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Outcome real = ChangeCycle.verify(ctx, area, "file", Map.of("path", dir.toString(), "state", "directory", "mode", "0700"));
        assertThat(real.result()).containsEntry("mode", "0700").containsEntry("state", "directory");
    }

    @Test
    void removesAWholeTreeAndUndoRestoresItFromItsArchive() throws Exception {
        Path tree = Files.createDirectories(area.resolve("tree/sub"));
        Files.writeString(area.resolve("tree/a.txt"), "a");
        Files.write(tree.resolve("b.bin"), new byte[] {0, 1, 2, (byte) 0xfe});
        Files.setPosixFilePermissions(tree.resolve("b.bin"), PosixFilePermissions.fromString("rwx--x---"));
        Files.createSymbolicLink(tree.resolve("link"), Path.of("../a.txt"));
        new ProcessBuilder("chown", "daemon:daemon", tree.resolve("b.bin").toString()).start().waitFor();
        Outcome real = ChangeCycle.verify(ctx, area, "file", Map.of("path", area.resolve("tree").toString(), "state", "absent"));
        assertThat(real.msg()).isEqualTo("removed directory " + area.resolve("tree"));
        assertThat(((Undo.Calls) real.undo()).calls().get(0).args()).containsKey("archive");
    }

    @Test
    void removesAFileAndUndoRestoresItsBytesAndMode() throws Exception {
        Path f = Files.writeString(area.resolve("secret.key"), "k3y\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--------"));
        ChangeCycle.verify(ctx, area, "file", Map.of("path", f.toString(), "state", "absent"));
    }

    @Test
    void touchCreatesAnEmptyFileOnceAndThenLeavesItsTimesAlone() throws Exception {
        Path f = area.resolve("marker");
        ChangeCycle.verify(ctx, area, "file", Map.of("path", f.toString(), "state", "touch", "mode", "0600"));
    }

    @Test
    void fileStateSetsOwnershipOfAnExistingFile() throws Exception {
        Path f = Files.writeString(area.resolve("owned"), "x");
        Outcome real = ChangeCycle.verify(ctx, area, "file", Map.of("path", f.toString(), "owner", "daemon"));
        assertThat(real.msg()).endsWith("owner root -> daemon");
    }

    @Test
    void fileStateFailsOnAMissingFileInCheckModeAsForReal() throws Exception {
        Map<String, Object> args = Map.of("path", area.resolve("nope").toString(), "state", "file");
        assertThat(ctx.checking().run("file", args).status()).isEqualTo(Status.FAILED);
        assertThat(ctx.run("file", args).msg()).contains("is absent");
    }

    @Test
    void makesAndRepointsSymbolicLinks() throws Exception {
        Path link = area.resolve("current");
        ChangeCycle.verify(ctx, area, "file", Map.of("path", link.toString(), "state", "link", "src", "releases/1"));
        Files.createSymbolicLink(link, Path.of("releases/1"));
        Outcome real = ChangeCycle.verify(ctx, area, "file", Map.of("path", link.toString(), "state", "link", "src", "releases/2"));
        assertThat(real.msg()).contains("now points to releases/2 (was releases/1)");
    }

    @Test
    void absentOnAnAbsentPathIsOkAndChangesNothing() throws Exception {
        TreeSnapshot before = TreeSnapshot.of(area);
        Outcome o = ctx.run("file", Map.of("path", area.resolve("ghost").toString(), "state", "absent"));
        assertThat(o.status()).isEqualTo(Status.OK);
        assertThat(o.undo()).isNull();
        assertThat(TreeSnapshot.of(area)).isEqualTo(before);
    }

    @Test
    void diffModeShowsTheStateChange() throws Exception {
        Outcome o = ctx.checking().diffing().run("file", Map.of("path", area.resolve("x").toString(), "state", "directory"));
        assertThat(o.diff().before()).isEqualTo("state: absent\n");
        assertThat(o.diff().after()).isEqualTo("state: directory\n");
    }
}
