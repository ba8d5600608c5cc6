package dev.unwind.module.files;

import dev.unwind.local.LocalConnection;
import dev.unwind.module.ContentDigest;
import dev.unwind.module.FileStat;
import dev.unwind.module.HostFileDigests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One look at a destination: its stat, and its SHA-256 only when it is a regular file of the expected size; and what
 * the controller remembers of such files, so that one nothing has touched is not read again.
 */
class HostDigestTest {
    @TempDir
    Path dir;

    final LocalConnection host = new LocalConnection("h1");

    @Test
    void aRegularFileOfTheSourcesSizeIsStattedAndHashedInOneCommand() throws Exception {
        byte[] bytes = "the same bytes\n".repeat(1000).getBytes();
        Path file = Files.write(dir.resolve("a name with\nnewline and spaces "), bytes);

        HostDigest.Seen seen = HostDigest.statWithSha256(host, file.toString(), bytes.length);

        assertThat(seen.stat().kind()).isEqualTo(FileStat.Kind.FILE);
        assertThat(seen.stat().size()).isEqualTo(bytes.length);
        assertThat(seen.stat()).isEqualTo(host.stat(file.toString()));
        assertThat(seen.sha256()).isEqualTo(ContentDigest.of(bytes).sha256());
        assertThat(HostDigest.SHA256.of(host, file.toString())).as("the tools escape such a name").isEqualTo(seen.sha256());
    }

    @Test
    void anotherSizeALinkOrNothingGetNoDigest() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "four");
        Path link = Files.createSymbolicLink(dir.resolve("link"), file);

        assertThat(HostDigest.statWithSha256(host, file.toString(), 5).sha256()).isNull();
        HostDigest.Seen viaLink = HostDigest.statWithSha256(host, link.toString(), 4);
        assertThat(viaLink.stat().kind()).isEqualTo(FileStat.Kind.LINK);
        assertThat(viaLink.stat().linkTarget()).isEqualTo(file.toString());
        assertThat(viaLink.sha256()).isNull();
        HostDigest.Seen absent = HostDigest.statWithSha256(host, dir.resolve("absent").toString(), 4);
        assertThat(absent.stat()).isEqualTo(FileStat.ABSENT);
        assertThat(absent.sha256()).isNull();
    }

    @Test
    void aPlacedFileIsKnownByItsStampAndNotReadAgain() throws Exception {
        HostFileDigests memory = new HostFileDigests(dir.resolve("memory"));
        Path dest = placed("payload", "placed bytes\n");

        HostDigest.rememberPlaced(host, dest.toString(), ContentDigest.of("placed bytes\n".getBytes()).sha256(), memory);
        assertThat(memory.recall("h1", dest.toString())).as("written, then renamed into place: remembered").isNotNull();
        assertThat(memory.recall("h2", dest.toString())).as("another host's file of that name").isNull();

        // what the memory says is what the look answers: the file is not read (an entry claiming other bytes shows it)
        String claimed = "ab".repeat(32);
        memory.remember("h1", dest.toString(), new HostFileDigests.Known(memory.recall("h1", dest.toString()).stamp(), claimed));
        assertThat(HostDigest.statWithSha256(host, dest.toString(), 13, memory).sha256()).isEqualTo(claimed);
    }

    @Test
    void aWriteBehindUnwindsBackIsSeenEvenWithTheSizeAndModificationTimePutBack() throws Exception {
        HostFileDigests memory = new HostFileDigests(dir.resolve("memory"));
        Path dest = placed("payload", "placed bytes\n");
        HostDigest.rememberPlaced(host, dest.toString(), ContentDigest.of("placed bytes\n".getBytes()).sha256(), memory);
        FileTime modified = Files.getLastModifiedTime(dest);

        Files.writeString(dest, "edited bytes\n");
        Files.setLastModifiedTime(dest, modified);

        assertThat(HostDigest.statWithSha256(host, dest.toString(), 13, memory).sha256())
                .isEqualTo(ContentDigest.of("edited bytes\n".getBytes()).sha256());
        Path renamedOver = placed("other", "edited bytes\n");
        Files.move(renamedOver, dest, StandardCopyOption.REPLACE_EXISTING);
        assertThat(HostDigest.statWithSha256(host, dest.toString(), 13, memory).sha256())
                .as("another file renamed over it").isEqualTo(ContentDigest.of("edited bytes\n".getBytes()).sha256());
    }

    @Test
    void aFileWrittenJustNowIsHashedButNotRememberedUntilItHasBeenLeftAlone() throws Exception {
        HostFileDigests memory = new HostFileDigests(dir.resolve("memory"));
        Path file = Files.writeString(dir.resolve("fresh"), "fresh bytes\n");
        String sha = ContentDigest.of("fresh bytes\n".getBytes()).sha256();

        HostDigest.rememberPlaced(host, file.toString(), sha, memory);
        assertThat(memory.recall("h1", file.toString())).as("written in place: a later write could share its times").isNull();
        assertThat(HostDigest.statWithSha256(host, file.toString(), 12, memory).sha256()).isEqualTo(sha);
        assertThat(memory.recall("h1", file.toString())).as("changed less than %ss ago", HostDigest.SETTLED_SECONDS).isNull();

        Thread.sleep((HostDigest.SETTLED_SECONDS + 1) * 1000);
        assertThat(HostDigest.statWithSha256(host, file.toString(), 12, memory).sha256()).isEqualTo(sha);
        assertThat(memory.recall("h1", file.toString())).as("left alone, then hashed").isNotNull()
                .extracting(HostFileDigests.Known::sha256).isEqualTo(sha);
    }

    /** Content written to a temporary file, then renamed to {@code name} a moment later: how unwind places a file. */
    private Path placed(String name, String content) throws Exception {
        Path tmp = Files.writeString(dir.resolve(name + ".tmp"), content);
        Thread.sleep(30);
        return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
