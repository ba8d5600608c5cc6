package dev.unwind.lab.swarm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The lab's node image: {@code lab/node-image/build.sh} builds it when its inputs changed (the first time ~80 s,
 * later a hash check of a few milliseconds) and names it; this runs the script once per JVM.
 */
public final class NodeImage {
    private static final String SCRIPT = "lab/node-image/build.sh";
    private static String tag;

    private NodeImage() {
    }

    /** The repository's {@code lab/node-image} folder, found upwards from the working directory. */
    public static Path folder() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve(SCRIPT))) {
                return p.resolve(SCRIPT).getParent();
            }
        }
        throw new IllegalStateException("cannot find " + SCRIPT + " above " + Path.of("").toAbsolutePath());
    }

    static synchronized String ensure() {
        if (tag != null) {
            return tag;
        }
        Path script = folder().resolve("build.sh");
        try {
            Process p = new ProcessBuilder(List.of(script.toString()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(script + " failed (exit " + p.exitValue() + "); its output is above");
            }
            String[] lines = out.split("\n");
            tag = lines[lines.length - 1].strip();
            return tag;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the lab image", e);
        }
    }
}
