package dev.unwind.module;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
    void whatIsNotAFileTheToolsCanHashFallsBackToTheJvm() throws Exception {
        assertThat(SourceDigests.nativeDigest(dir.resolve("absent"))).isNull();
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
