package dev.unwind.module;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A controller file's digests, however they are taken, are those of its bytes, and follow its edits. */
class SourceDigestsTest {
    @TempDir
    Path dir;

    @Test
    void aLargeFileHashedByANativeToolHasTheJvmsDigests() throws Exception {
        byte[] bytes = random((int) SourceDigests.NATIVE_MIN + 17, 3);
        Path file = Files.write(dir.resolve("big file's name.bin"), bytes);
        ContentDigest native_ = SourceDigests.nativeDigest(file);
        assumeTrue(native_ != null, "needs openssl or coreutils on the controller");

        assertThat(native_).isEqualTo(ContentDigest.of(bytes));
        assertThat(new SourceDigests().of(file).join()).isEqualTo(ContentDigest.of(bytes));
    }

    @Test
    void aSmallFileIsHashedInTheJvmAndAnEditedFileAnew() throws Exception {
        SourceDigests digests = new SourceDigests();
        Path file = Files.write(dir.resolve("small"), "one".getBytes());
        assertThat(digests.of(file).join()).isEqualTo(ContentDigest.of("one".getBytes()));

        Files.write(file, "two".getBytes());
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        assertThat(digests.of(file).join()).isEqualTo(ContentDigest.of("two".getBytes()));
    }

    @Test
    void aLargeFilesDigestsAreRememberedAcrossRunsUntilTheFileChanges() throws Exception {
        Path store = dir.resolve("digests");
        byte[] bytes = random((int) SourceDigests.NATIVE_MIN, 5);
        Path file = Files.write(dir.resolve("payload.bin"), bytes);
        assertThat(new SourceDigests(store, Duration.ZERO).of(file).join()).isEqualTo(ContentDigest.of(bytes));
        List<Path> entries = entries(store);
        assertThat(entries).hasSize(1);

        // a later run takes what is remembered (here made recognisable) instead of hashing the file again
        String entry = Files.readString(entries.get(0));
        ContentDigest planted = new ContentDigest("ab".repeat(32), "cd".repeat(20));
        Files.writeString(entries.get(0), entry.replaceAll("(?m)^[0-9a-f]{64} [0-9a-f]{40}$", planted.sha256() + " " + planted.sha1()));
        assertThat(new SourceDigests(store, Duration.ZERO).of(file).join()).isEqualTo(planted);

        // the same size, the same modification time put back: the change time still tells
        FileTime modified = Files.getLastModifiedTime(file);
        bytes[0] ^= 1;
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, modified);
        assertThat(new SourceDigests(store, Duration.ZERO).of(file).join()).isEqualTo(ContentDigest.of(bytes));
    }

    @Test
    void aFileChangedAMomentAgoIsNotRemembered() throws Exception {
        Path store = dir.resolve("digests");
        Path file = Files.write(dir.resolve("payload.bin"), random((int) SourceDigests.NATIVE_MIN, 6));
        new SourceDigests(store).of(file).join();
        assertThat(entries(store)).isEmpty();
    }

    private static List<Path> entries(Path store) throws Exception {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (var s = Files.list(store)) {
            return s.toList();
        }
    }

    @Test
    void whatIsNotAFileTheToolsCanHashFallsBackToTheJvm() throws Exception {
        assertThat(SourceDigests.nativeDigest(dir.resolve("absent"))).isNull();
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
