package dev.unwind.mke.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares output with a file under src/test/resources; {@code -Dgolden.update=true} rewrites it after review. */
final class GoldenFiles {
    private static final Path ROOT = Path.of("src/test/resources");

    private GoldenFiles() {
    }

    static void assertMatches(String resource, String actual) throws IOException {
        Path file = ROOT.resolve(resource);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
