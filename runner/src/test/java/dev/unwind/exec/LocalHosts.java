package dev.unwind.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Hosts for engine tests: {@code ansible_connection=local} hosts, each with its own folder under a
 * temp directory, and a snapshot of that folder (paths, bytes, modes) to compare before and after.
 */
public final class LocalHosts {
    private final Path root;
    private final List<String> names;

    public LocalHosts(Path root, String... names) {
        this.root = root;
        this.names = List.of(names);
    }

    /** An INI inventory: every host in group {@code web}, with {@code base} pointing at the root. */
    public Path inventory() {
        StringBuilder ini = new StringBuilder("[web]\n");
        for (String n : names) {
            ini.append(n).append(" ansible_connection=local base=").append(root.resolve("hosts"))
                    .append(" unwind_lock_path=").append(root.resolve("locks").resolve(n + ".lock")).append('\n');
        }
        try {
            Files.createDirectories(root.resolve("hosts"));
            Files.createDirectories(root.resolve("locks"));
            Path p = root.resolve("inventory.ini");
            Files.writeString(p, ini);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Gives every host the files the fault-matrix playbook changes: a data folder, a config file (0600),
     * a hosts file, an old file and a script, so that undo has previous bytes and modes to restore.
     */
    public LocalHosts withHistory() {
        try {
            for (String h : names) {
                Path d = dir(h);
                Files.createDirectories(d.resolve("data"));
                Files.writeString(d.resolve("data/records"), "r1\nr2\n");
                write(d.resolve("existing.conf"), "original of " + h + "\n", "rw-------");
                write(d.resolve("hosts.txt"), "db=10.0.0.1\nweb=10.0.0.2\n", "rw-r--r--");
                write(d.resolve("old.txt"), "old\n", "rw-r-----");
                write(d.resolve("script.sh"), "#!/bin/sh\necho hi\n", "rw-r--r--");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static void write(Path p, String content, String mode) throws IOException {
        Files.writeString(p, content);
        Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
    }

    public Path dir(String host) {
        return root.resolve("hosts").resolve(host);
    }

    /** Every path under the hosts' folders with its kind, mode and content hash. */
    public Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        Path hosts = root.resolve("hosts");
        try (Stream<Path> s = Files.walk(hosts)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.equals(hosts)) {
                    continue;
                }
                String rel = hosts.relativize(p).toString();
                String mode = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
                String content = Files.isRegularFile(p) ? Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(p))) + ":" + Files.size(p) : "dir";
                out.put(rel, mode + " " + content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public List<String> names() {
        return new ArrayList<>(names);
    }
}
