package dev.unwind.module.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything about a directory tree that an undo must restore: per path, its kind, permissions,
 * owner, group and content (or link target). Two snapshots are equal when the trees are identical.
 */
public record TreeSnapshot(Map<String, String> entries) {

    public static TreeSnapshot of(Path root) {
        Map<String, String> m = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return new TreeSnapshot(m);
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String what;
                if (a.isSymbolicLink()) {
                    what = "link -> " + Files.readSymbolicLink(p);
                } else if (a.isDirectory()) {
                    what = "dir";
                } else {
                    what = "file sha256=" + sha256(Files.readAllBytes(p));
                }
                String perms = a.isSymbolicLink() ? "" : " " + PosixFilePermissions.toString(a.permissions());
                m.put(root.relativize(p).toString(), what + perms + " " + a.owner().getName() + ":" + a.group().getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSnapshot(m);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
