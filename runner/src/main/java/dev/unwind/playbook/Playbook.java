package dev.unwind.playbook;

import java.nio.file.Path;
import java.util.List;

/** A loaded, validated playbook: its plays in order. */
public record Playbook(Path file, List<Play> plays) {

    public Playbook {
        plays = List.copyOf(plays);
    }

    public Path directory() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
