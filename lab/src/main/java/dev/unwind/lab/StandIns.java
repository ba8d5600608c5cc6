package dev.unwind.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The stand-in commands (shell scripts from the lab's jar): {@code docker}, {@code sudo} and {@code ss} on
 * every node's PATH, and the {@code k0s} binary the playbook copies to its nodes.
 */
final class StandIns {
    private static final List<String> ON_PATH = List.of("lab.sh", "docker", "sudo", "ss", "k0s");

    private StandIns() {
    }

    /** Writes them to {@code root/standins}; returns the k0s "binary" ({@code root/dist/k0s}). */
    static Path install(Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("standins"));
        for (String name : ON_PATH) {
            copy(name, dir.resolve(name));
        }
        Path k0s = Files.createDirectories(root.resolve("dist")).resolve("k0s");
        copy("k0s", k0s);
        return k0s;
    }

    private static void copy(String name, Path to) throws IOException {
        try (InputStream in = StandIns.class.getResourceAsStream("/dev/unwind/lab/standins/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the lab's jar lacks the stand-in " + name);
            }
            Files.write(to, in.readAllBytes());
        }
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString(name.equals("lab.sh") ? "rw-r--r--" : "rwxr-xr-x"));
    }
}
