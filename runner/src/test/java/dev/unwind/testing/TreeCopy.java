package dev.unwind.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A folder of test resources copied to where a test works on it (scripts made executable: resources lose the bit). */
public final class TreeCopy {
    private TreeCopy() {
    }

    /** Copies {@code from} to {@code to}; returns {@code to}. */
    public static Path of(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    String n = p.getFileName().toString();
                    if (n.endsWith(".sh") || n.endsWith(".py")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
