package dev.unwind.playbook;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * unwind's own folder (the repository or the installation), where its playbooks, templates and lab ship:
 * {@code $UNWIND_REPO} (or the {@code unwind.repo} property), else the nearest folder above the jar with a
 * {@code playbooks/} in it, else the working folder. The one finder: the CLI's shipped files and the template search
 * path both ask it, whoever runs first.
 */
public final class UnwindFolder {
    private UnwindFolder() {
    }

    public static Path find() {
        String given = System.getProperty("unwind.repo", System.getenv("UNWIND_REPO"));
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        try {
            Path jar = Path.of(UnwindFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
}
