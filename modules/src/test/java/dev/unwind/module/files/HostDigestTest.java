package dev.unwind.module.files;

import dev.unwind.local.LocalConnection;
import dev.unwind.module.ContentDigest;
import dev.unwind.module.FileStat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One look at a destination: its stat, and its SHA-256 only when it is a regular file of the expected size. */
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
}
