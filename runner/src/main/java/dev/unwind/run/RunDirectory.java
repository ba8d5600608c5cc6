package dev.unwind.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The folder of one run. Run ids sort by start time: {@code 20261125-131500-a1b2}. */
public record RunDirectory(String id, Path path) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** {@code $UNWIND_HOME}, or {@code ~/.unwind}. */
    public static Path home() {
        String env = System.getenv("UNWIND_HOME");
        String prop = System.getProperty("unwind.home");
        if (prop != null) {
            return Path.of(prop);
        }
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".unwind");
    }

    /** Where the digests of large controller files outlive a run: {@code $UNWIND_HOME/digests}. */
    public Path digests() {
        return path.getParent().getParent().resolve("digests");
    }

    public static RunDirectory create(Path home) {
        byte[] r = new byte[2];
        new SecureRandom().nextBytes(r);
        String id = LocalDateTime.now().format(STAMP) + "-" + HexFormat.of().formatHex(r);
        Path dir = home.resolve("runs").resolve(id);
        try {
            privateDirectory(home);
            privateDirectory(home.resolve("runs"));
            privateDirectory(dir);
            privateDirectory(dir.resolve("backups"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run directory " + dir + ": " + e.getMessage(), e);
        }
        return new RunDirectory(id, dir);
    }

    /** When the run started, read from its id; empty for a folder whose name is not a run id. */
    public java.util.Optional<LocalDateTime> started() {
        try {
            return java.util.Optional.of(LocalDateTime.parse(id.substring(0, Math.min(15, id.length())), STAMP));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** An existing run, or null. */
    public static RunDirectory open(Path home, String id) {
        Path dir = home.resolve("runs").resolve(id);
        return Files.isDirectory(dir) && id.matches("[0-9A-Za-z-]+") ? new RunDirectory(id, dir) : null;
    }

    /** Every run, oldest first. */
    public static List<RunDirectory> all(Path home) {
        Path runs = home.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(Files::isDirectory).sorted()
                    .map(p -> new RunDirectory(p.getFileName().toString(), p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path journal() {
        return path.resolve("journal.jsonl");
    }

    public Path log() {
        return path.resolve("run.log");
    }

    public Path backups() {
        return path.resolve("backups");
    }

    static void privateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    /** Creates (or opens) a file readable only by its owner. */
    public static Path privateFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return file;
    }
}
