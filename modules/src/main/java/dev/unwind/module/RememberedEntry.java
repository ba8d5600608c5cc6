package dev.unwind.module;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** The one way remembered digests are read and written, for controller files and host files alike. */
final class RememberedEntry {
    private RememberedEntry() {
    }

    /** The entry's lines, or null when there is none or it cannot be read. */
    static List<String> read(Path entry) {
        try {
            return Files.readAllLines(entry, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** Written aside and renamed into place, so a reader sees a whole entry or none. */
    static void write(Path folder, Path entry, String text) {
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path tmp = Files.createTempFile(folder, "entry", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            // not remembered: a later look hashes the file again
        }
    }
}
