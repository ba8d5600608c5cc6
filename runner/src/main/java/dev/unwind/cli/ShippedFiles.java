package dev.unwind.cli;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.playbook.UnwindFolder;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds what unwind ships beside its jar: {@code playbooks/}, {@code templates/}, {@code lab/}. */
final class ShippedFiles {
    private ShippedFiles() {
    }

    static Path playbook(String name) {
        Path p = UnwindFolder.find().resolve("playbooks").resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new InvalidInput(Position.of(p.toString()), "the shipped playbook is missing: set UNWIND_REPO to unwind's folder,"
                    + " or pass --playbook");
        }
        return p;
    }
}
