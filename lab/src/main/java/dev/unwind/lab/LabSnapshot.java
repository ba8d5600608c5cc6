package dev.unwind.lab;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The whole state of a lab at one moment: every file of every node's sandbox and of the cluster folder
 * (containers, swarm facts, the UCP installation, k0s), whether the UCP API answers, and the objects of
 * the Kubernetes API. Keys are readable paths ({@code nodes/mke-manager-1/etc/k0s/k0s.yaml},
 * {@code ucp/answering}, {@code kube/Node/mke-worker-1}); two snapshots compare with {@link #diff}.
 */
public record LabSnapshot(SortedMap<String, String> entries) {
    private static final int TEXT_LIMIT = 4096;

    public LabSnapshot {
        entries = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    /** The files under {@code dir}, keyed {@code prefix/relative/path}. */
    static void addTree(Map<String, String> out, String prefix, Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                String rel = dir.relativize(p).toString();
                String key = rel.isEmpty() ? prefix : prefix + "/" + rel;
                out.put(key, describe(p));
            }
        }
    }

    private static String describe(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return "link -> " + Files.readSymbolicLink(p);
        }
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        if (Files.isDirectory(p)) {
            return "dir " + mode;
        }
        byte[] bytes = Files.readAllBytes(p);
        String text = bytes.length <= TEXT_LIMIT ? text(bytes) : null;
        return "file " + mode + " " + bytes.length + " bytes sha256:" + sha256(bytes).substring(0, 16)
                + (text == null ? "" : "\n" + text);
    }

    private static String text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This snapshot without the keys under these prefixes (e.g. the backups a rollback keeps on purpose). */
    public LabSnapshot excluding(String... prefixes) {
        TreeMap<String, String> kept = new TreeMap<>();
        entries.forEach((k, v) -> {
            if (Arrays.stream(prefixes).noneMatch(p -> k.equals(p) || k.startsWith(p.endsWith("/") ? p : p + "/"))) {
                kept.put(k, v);
            }
        });
        return new LabSnapshot(kept);
    }

    /**
     * What changed from this snapshot to {@code after}, one line per key: {@code + KEY} (added),
     * {@code - KEY} (removed), {@code ~ KEY} (changed) followed by the changed lines of a small text file.
     * Empty when both are identical.
     */
    public List<String> diff(LabSnapshot after) {
        List<String> out = new ArrayList<>();
        TreeMap<String, String> keys = new TreeMap<>(entries);
        after.entries.forEach(keys::putIfAbsent);
        for (String key : keys.keySet()) {
            String a = entries.get(key);
            String b = after.entries.get(key);
            if (a == null) {
                out.add("+ " + key + " (" + firstLine(b) + ")");
            } else if (b == null) {
                out.add("- " + key + " (" + firstLine(a) + ")");
            } else if (!a.equals(b)) {
                out.add("~ " + key);
                out.addAll(lineChanges(a, b));
            }
        }
        return out;
    }

    public boolean identicalTo(LabSnapshot other) {
        return entries.equals(other.entries);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static List<String> lineChanges(String a, String b) {
        List<String> before = List.of(a.split("\n", -1));
        List<String> now = List.of(b.split("\n", -1));
        List<String> out = new ArrayList<>();
        if (!before.get(0).equals(now.get(0))) {
            out.add("    " + before.get(0) + "  ->  " + now.get(0));
        }
        if (before.size() > 1 && now.size() > 1) {
            before.subList(1, before.size()).stream().filter(l -> !now.contains(l) && !l.isEmpty()).forEach(l -> out.add("    - " + l));
            now.subList(1, now.size()).stream().filter(l -> !before.contains(l) && !l.isEmpty()).forEach(l -> out.add("    + " + l));
        }
        return out;
    }

    @Override
    public String toString() {
        return "LabSnapshot[" + entries.size() + " entries]";
    }
}
