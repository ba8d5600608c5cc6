package dev.unwind.cli;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds what unwind ships beside its jar: {@code playbooks/}, {@code templates/}, {@code lab/}. */
final class ShippedFiles {
    private ShippedFiles() {
    }

    /** The repository (or installation) folder: $UNWIND_REPO, else two levels above the jar, else the working folder. */
    static Path home() {
        String env = System.getProperty("unwind.repo", System.getenv("UNWIND_REPO"));
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        try {
            Path jar = Path.of(ShippedFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("playbooks"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working folder
        }
        return Path.of("").toAbsolutePath();
    }

    /** From here on, what searches unwind's own folder ({@code SearchPath}: its templates/) finds the one found here. */
    static void announce() {
        System.setProperty("unwind.repo", home().toString());
    }

    static Path playbook(String name) {
        Path p = home().resolve("playbooks").resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new InvalidInput(Position.of(p.toString()), "the shipped playbook is missing: set UNWIND_REPO to unwind's folder,"
                    + " or pass --playbook");
        }
        return p;
    }
}
