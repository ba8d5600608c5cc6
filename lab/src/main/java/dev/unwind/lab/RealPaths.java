package dev.unwind.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The paths on the real machine that the upgrade would write were it not pointed into the lab's
 * sandboxes, with their state when the lab started; {@link #changes()} lists what changed since. (Not
 * /run/lock/unwind.lock: every unwind run on this machine takes it, so it says nothing about the lab.)
 */
final class RealPaths {
    static final List<Path> WATCHED = List.of(Path.of("/etc/k0s"), Path.of("/var/lib/k0s"), Path.of("/usr/local/bin/k0s"),
            Path.of("/var/lib/unwind"), Path.of("/run/k0s"), Path.of("/etc/systemd/system/k0scontroller.service"),
            Path.of("/etc/systemd/system/k0sworker.service"), Path.of("/var/lib/docker/unwind-snapshot.db"),
            Path.of(System.getProperty("user.home"), ".mke", "mke.kubeconf"));
    private static final int MAX_ENTRIES = 20_000;

    private final List<Path> watched;
    private final Map<String, String> baseline;

    RealPaths(List<Path> watched) {
        this.watched = List.copyOf(watched);
        this.baseline = state();
    }

    List<Path> watched() {
        return watched;
    }

    List<String> changes() {
        Map<String, String> now = state();
        List<String> out = new ArrayList<>();
        TreeMap<String, String> keys = new TreeMap<>(baseline);
        now.forEach(keys::putIfAbsent);
        for (String k : keys.keySet()) {
            String a = baseline.get(k);
            String b = now.get(k);
            if (a == null) {
                out.add("created " + k);
            } else if (b == null) {
                out.add("removed " + k);
            } else if (!a.equals(b)) {
                out.add("changed " + k);
            }
        }
        return out;
    }

    private Map<String, String> state() {
        Map<String, String> out = new TreeMap<>();
        for (Path root : watched) {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.limit(MAX_ENTRIES).forEach(p -> out.put(p.toString(), attributes(p)));
            } catch (IOException | java.io.UncheckedIOException e) {
                out.put(root.toString(), "unreadable: " + e.getMessage());
            }
        }
        return out;
    }

    private static String attributes(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return (a.isDirectory() ? "dir" : "file " + a.size()) + " " + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
