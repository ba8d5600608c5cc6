package dev.unwind.mke.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineConversionTest {
    private static final Path FULL = Path.of("src/test/resources/mke3/full.toml");

    @TempDir
    Path dir;

    private String run(Path configOut, Path output) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new OfflineConversion().run(FULL, configOut, output, ConversionOptions.defaults(),
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsSourceReportAndTargetWithEverySecretMasked() {
        String out = run(null, null);
        assertThat(out).contains("Source MKE 3 configuration").contains("clientSecret = \"********\"")
                .contains("# MKE3->MKE4 Compatibility Checks #").contains("Below is your new MKE 4 config")
                .contains("kind: MkeConfig").contains("clientSecret: '********'")
                .contains("a real upgrade stops and asks");
        assertThat(out).doesNotContain("s3cr3t-oidc-client");
    }

    @Test
    void writesTheOutputFolderAndTheConfigOutOnlyReadableByTheOwner() throws Exception {
        Path configOut = dir.resolve("mke4.yaml");
        String out = run(configOut, dir);
        assertThat(out).doesNotContain("s3cr3t-oidc-client").doesNotContain("Below is your new MKE 4 config");
        assertThat(Files.readString(configOut)).contains("clientSecret: s3cr3t-oidc-client");
        Path folder = dir.resolve("mke-upgrade");
        for (String f : new String[] {"mke3.toml", "mke4.yaml", "compatibility-report.txt", "compatibility-report.json"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(f)))).isEqualTo("rw-------");
        }
        assertThat(Files.readString(folder.resolve("mke3.toml"))).isEqualTo(Files.readString(FULL));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configOut))).isEqualTo("rw-------");
    }
}
