package dev.unwind.module.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds users' modules: the executables in {@code library/} beside a playbook. */
public final class LibraryModules {
    private LibraryModules() {
    }

    /** The modules in {@code playbookDir/library}, sorted by name; none when there is no such folder. */
    public static List<LibraryModule> scan(Path playbookDir) {
        Path library = playbookDir.resolve("library");
        if (!Files.isDirectory(library)) {
            return List.of();
        }
        List<LibraryModule> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(library)) {
            for (Path f : files.sorted().toList()) {
                if (Files.isRegularFile(f) && Files.isExecutable(f) && !f.getFileName().toString().startsWith(".")) {
                    found.add(LibraryModule.of(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + library + ": " + e.getMessage(), e);
        }
        return found;
    }
}
