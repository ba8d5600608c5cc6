package dev.unwind.module.files;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ContentDigest;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.Undo;
import dev.unwind.module.testing.TestContext;
import dev.unwind.module.testing.TreeSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files beyond the controller's limit for before-images, over the shell's chunked transfers: compared by checksum
 * on the host, replaced through a before-image kept beside them, and restored from it with the checksum checked.
 */
class LargeFilesTest {
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
    void aNewFileLargerThanAShellChunkArrivesWholeAndItsUndoRemovesIt() throws Exception {
        byte[] bytes = random(2 * Connection.CHUNK + 12345, 1);
        Files.write(ctx.controller().resolve("big.bin"), bytes);
        Path dest = area.resolve("big.bin");

        Outcome predicted = ctx.checking().run("copy", Map.of("src", "big.bin", "dest", dest.toString()));
        assertThat(predicted.status()).isEqualTo(Status.CHANGED);
        assertThat(dest).doesNotExist();

        Outcome real = ctx.run("copy", Map.of("src", "big.bin", "dest", dest.toString()));
        assertThat(real.status()).as(real.msg()).isEqualTo(Status.CHANGED);
        assertThat(Files.readAllBytes(dest)).isEqualTo(bytes);
        assertThat(real.result()).containsEntry("checksum", ContentDigest.of(bytes).sha1()).containsEntry("size", (long) bytes.length);
        assertThat(leftovers()).as("no temporary file is left").isEmpty();

        ctx.undo(real);
        assertThat(dest).doesNotExist();
    }

    @Test
    void anUnchangedLargeFileIsComparedOnTheHostAndLeftAlone() throws Exception {
        byte[] bytes = random(3 << 20, 2);
        Files.write(ctx.controller().resolve("same.bin"), bytes);
        Path dest = Files.write(area.resolve("same.bin"), bytes);
        TreeSnapshot before = TreeSnapshot.of(area);

        assertThat(ctx.checking().run("copy", Map.of("src", "same.bin", "dest", dest.toString())).status()).isEqualTo(Status.OK);
        Outcome real = ctx.run("copy", Map.of("src", "same.bin", "dest", dest.toString()));
        assertThat(real.status()).as(real.msg()).isEqualTo(Status.OK);
        assertThat(real.result()).containsEntry("checksum", ContentDigest.of(bytes).sha1());
        assertThat(TreeSnapshot.of(area)).isEqualTo(before);
        assertThat(ctx.backupCount()).isZero();
    }

    @Test
    void aReplacedLargeFileKeepsItsBeforeImageOnTheHostAndTheUndoPutsItBack() throws Exception {
        byte[] old = random(3 << 20, 3);
        byte[] fresh = random(5 << 20, 4);
        Files.write(ctx.controller().resolve("app.bin"), fresh);
        Path dest = Files.write(area.resolve("app.bin"), old);
        ctx.connection().exec(Command.of("chmod 4750 " + dest));
        TreeSnapshot before = TreeSnapshot.of(area);
        Map<String, Object> args = Map.of("src", "app.bin", "dest", dest.toString());

        Outcome predicted = ctx.checking().run("copy", args);
        assertThat(predicted.status()).isEqualTo(Status.CHANGED);
        assertThat(TreeSnapshot.of(area)).as("check mode touches nothing").isEqualTo(before);

        Outcome real = ctx.run("copy", args);
        assertThat(real.msg()).isEqualTo(predicted.msg());
        assertThat(Files.readAllBytes(dest)).isEqualTo(fresh);
        Map<String, Object> undo = onlyCall(real).args();
        String aside = (String) undo.get("aside");
        assertThat(aside).startsWith(area + "/" + BeforeImage.PREFIX + "test-").endsWith("-app.bin");
        assertThat(undo).containsEntry("sha256", ContentDigest.of(old).sha256()).containsEntry("mode", "4750");
        assertThat(Files.readAllBytes(Path.of(aside))).as("the before-image is on the host").isEqualTo(old);
        assertThat(ctx.backupCount()).as("nothing went to the controller").isZero();
        assertThat(ctx.run("copy", args).status()).as("a second run").isEqualTo(Status.OK);

        assertThat(ctx.undo(real)).allSatisfy(o -> assertThat(o.status()).as(o.msg()).isEqualTo(Status.CHANGED));
        assertThat(TreeSnapshot.of(area)).as("old bytes and mode back, the before-image gone").isEqualTo(before);
        assertThat(ctx.undo(real)).as("undone twice").allSatisfy(o -> assertThat(o.status()).as(o.msg()).isEqualTo(Status.OK));
    }

    @Test
    void aBeforeImageThatChangedOrWentIsNoUndo() throws Exception {
        Files.write(ctx.controller().resolve("app.bin"), random(2 << 20, 5));
        Path dest = Files.write(area.resolve("app.bin"), random(2 << 20, 6));
        Outcome real = ctx.run("copy", Map.of("src", "app.bin", "dest", dest.toString()));
        Path aside = Path.of((String) onlyCall(real).args().get("aside"));

        Files.write(aside, new byte[]{1, 2, 3});
        assertThat(ctx.undo(real).get(0)).satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.msg()).contains(aside.toString(), "no longer holds what was saved");
        });
        Files.delete(aside);
        assertThat(ctx.undo(real).get(0).msg()).contains(aside.toString(), "is gone");
    }

    @Test
    void aRunStoppedAfterItsAnnouncementFindsTheFileAsItWas() throws Exception {
        byte[] old = random(2 << 20, 7);
        Path dest = Files.write(area.resolve("app.bin"), old);
        BeforeImage planned = BeforeImage.of(dest.toString(), ContentDigest.of(old).sha256(), "test");
        ModuleCall undo = PriorState.of(ctx.connection(), dest.toString()).restoreFrom(planned);
        TreeSnapshot before = TreeSnapshot.of(area);

        assertThat(ctx.run(undo.module(), undo.args()).status()).as("never linked: nothing to do").isEqualTo(Status.OK);
        planned.linkAside(ctx.connection());
        Outcome o = ctx.run(undo.module(), undo.args());
        assertThat(o.status()).as("linked, never replaced: %s", o.msg()).isEqualTo(Status.CHANGED);
        assertThat(TreeSnapshot.of(area)).isEqualTo(before);
    }

    @Test
    void aRemovedLargeFileIsMovedAsideAndPutBack() throws Exception {
        Path dest = Files.write(area.resolve("image.tar"), random(2 << 20, 8));
        TreeSnapshot before = TreeSnapshot.of(area);
        Outcome real = ctx.run("file", Map.of("path", dest.toString(), "state", "absent"));
        assertThat(dest).doesNotExist();
        assertThat(ctx.backupCount()).isZero();
        assertThat(onlyCall(real).args()).containsKey("aside");
        ctx.undo(real);
        assertThat(TreeSnapshot.of(area)).isEqualTo(before);
    }

    @Test
    void theShellStreamsAFileBackInChunks() throws Exception {
        byte[] bytes = random(Connection.CHUNK * 2, 9);
        Path file = Files.write(area.resolve("exact-chunks.bin"), bytes);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        assertThat(ctx.connection().get(file.toString(), got)).isTrue();
        assertThat(got.toByteArray()).isEqualTo(bytes);
        assertThat(ctx.connection().get(area.resolve("none").toString(), new ByteArrayOutputStream())).isFalse();
        assertThat(HostDigest.SHA256.of(ctx.connection(), file.toString())).isEqualTo(ContentDigest.of(bytes).sha256());
    }

    @Test
    void fetchStreamsALargeFileToTheController() throws Exception {
        byte[] bytes = random(5 << 20, 10);
        Path src = Files.write(area.resolve("dump.bin"), bytes);
        Outcome o = ctx.run("fetch", Map.of("src", src.toString(), "dest", "got/", "flat", true));
        assertThat(o.status()).as(o.msg()).isEqualTo(Status.CHANGED);
        assertThat(Files.readAllBytes(ctx.controller().resolve("got/dump.bin"))).isEqualTo(bytes);
        assertThat(ctx.run("fetch", Map.of("src", src.toString(), "dest", "got/", "flat", true)).status()).isEqualTo(Status.OK);
    }

    @Test
    void editsAndSlurpRefuseFilesTooLargeToHoldWithAClearMessage() throws Exception {
        Path log = area.resolve("huge.log");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(log.toFile(), "rw")) {
            f.setLength(SlurpModule.LIMIT + 1); // sparse: nothing is written
        }
        Outcome edit = ctx.run("lineinfile", Map.of("path", log.toString(), "line", "x"));
        assertThat(edit.status()).isEqualTo(Status.FAILED);
        assertThat(edit.msg()).contains(log.toString(), "up to " + TextLines.EDIT_LIMIT + " bytes");
        Outcome slurp = ctx.run("slurp", Map.of("src", log.toString()));
        assertThat(slurp.status()).isEqualTo(Status.FAILED);
        assertThat(slurp.msg()).contains("use fetch");
    }

    private static ModuleCall onlyCall(Outcome o) {
        assertThat(o.undo()).isInstanceOf(Undo.Calls.class);
        List<ModuleCall> calls = ((Undo.Calls) o.undo()).calls();
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    private List<Path> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(area)) {
            return s.filter(p -> p.getFileName().toString().contains(".unwind")).toList();
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
