package dev.unwind.module;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The digests of controller files, each taken once however many hosts receive the file: keyed by path, size and
 * modification time, so a file edited during the run is hashed again. One per run. The digest is taken in the
 * background from the first ask, so that hashing the source overlaps with the hosts hashing their copies. A large
 * file is hashed by {@code openssl} (or coreutils) on the controller, SHA-256 and SHA-1 in two processes at once;
 * the JVM's own digests are the fallback.
 *
 * <p>Given a folder, a large file's digests are also remembered across runs, under the file's device, inode, size,
 * modification and change times (as git's index and rsync's quick check trust them): a file that is rewritten, even
 * with the same size and modification time put back, gets a new change time and is hashed again. A file changed
 * less than {@link #SETTLED} ago is not remembered, since a timestamp may not tell two writes that close apart.
 */
public final class SourceDigests {
    /**
     * From this size a file is hashed by a native tool: it uses the CPU's SHA instructions whatever the JVM's JIT
     * (C1 alone hashes ~10x slower), and 200 MB take 0.2 s instead of 0.5-0.8 s in a JVM that just started.
     */
    static final long NATIVE_MIN = 4L << 20;

    /** How long ago a file must have last changed for its digests to be remembered. */
    static final Duration SETTLED = Duration.ofSeconds(2);

    private record Key(Path path, long size, long modifiedNanos) {
    }

    private final Map<Key, CompletableFuture<ContentDigest>> known = new ConcurrentHashMap<>();
    private final Path remembered;
    private final Duration settled;

    /** Digests for this run only. */
    public SourceDigests() {
        this(null);
    }

    /** @param remembered where large files' digests are kept across runs ({@code $UNWIND_HOME/digests}), or null */
    public SourceDigests(Path remembered) {
        this(remembered, SETTLED);
    }

    SourceDigests(Path remembered, Duration settled) {
        this.remembered = remembered;
        this.settled = settled;
    }

    /** The file's digest, being taken unless this run already took it (or an earlier run, of the same file). */
    public CompletableFuture<ContentDigest> of(Path file) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        Key key = new Key(path, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        return known.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> digest(path, a.size()), SourceDigests::daemon));
    }

    private ContentDigest digest(Path path, long size) {
        if (remembered == null || size < NATIVE_MIN) {
            return hash(path);
        }
        String stamp = stamp(path);
        Path entry = remembered.resolve(ContentDigest.of(path.toString().getBytes(StandardCharsets.UTF_8)).sha256());
        ContentDigest known = recall(entry, path, stamp);
        if (known != null) {
            return known;
        }
        ContentDigest d = hash(path);
        if (stamp != null && stamp.equals(stamp(path)) && settled(path)) {
            remember(entry, path, stamp, d);
        }
        return d;
    }

    /** Device, inode, size, modification and change times; null where the file system does not tell them. */
    private static String stamp(Path path) {
        try {
            Map<String, Object> u = Files.readAttributes(path, "unix:dev,ino,size,lastModifiedTime,ctime");
            return u.get("dev") + " " + u.get("ino") + " " + u.get("size") + " "
                    + ((FileTime) u.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS) + " " + ((FileTime) u.get("ctime")).to(TimeUnit.NANOSECONDS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private boolean settled(Path path) {
        try {
            Map<String, Object> u = Files.readAttributes(path, "unix:lastModifiedTime,ctime");
            long newest = Math.max(((FileTime) u.get("lastModifiedTime")).toMillis(), ((FileTime) u.get("ctime")).toMillis());
            return System.currentTimeMillis() - newest >= settled.toMillis();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The digests an earlier run remembered for this very file, or null. */
    private static ContentDigest recall(Path entry, Path path, String stamp) {
        if (stamp == null) {
            return null;
        }
        List<String> lines = RememberedEntry.read(entry);
        if (lines == null || lines.size() != 4 || !lines.get(0).equals(FORMAT) || !lines.get(1).equals(path.toString()) || !lines.get(2).equals(stamp)) {
            return null;
        }
        String[] d = lines.get(3).split(" ");
        return d.length == 2 && d[0].matches("[0-9a-f]{64}") && d[1].matches("[0-9a-f]{40}") ? new ContentDigest(d[0], d[1]) : null;
    }

    private static final String FORMAT = "unwind source digests 1";

    private void remember(Path entry, Path path, String stamp, ContentDigest d) {
        RememberedEntry.write(remembered, entry, FORMAT + "\n" + path + "\n" + stamp + "\n" + d.sha256() + " " + d.sha1() + "\n");
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "source-digest");
        t.setDaemon(true);
        t.start();
    }

    private static ContentDigest hash(Path file) {
        try {
            if (Files.size(file) >= NATIVE_MIN) {
                ContentDigest d = nativeDigest(file);
                if (d != null) {
                    return d;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ContentDigest.of(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Both digests from native tools, or null when the controller has none that answers (then the JVM hashes). */
    static ContentDigest nativeDigest(Path file) {
        Process sha256 = null;
        Process sha1 = null;
        try {
            sha256 = tool(file, "sha256");
            sha1 = tool(file, "sha1");
            String a = hex(sha256, 64);
            String b = hex(sha1, 40);
            return a != null && b != null ? new ContentDigest(a, b) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            for (Process p : new Process[]{sha256, sha1}) {
                if (p != null) {
                    p.destroy();
                }
            }
        }
    }

    private static Process tool(Path file, String alg) throws IOException {
        String script = "if command -v openssl >/dev/null 2>&1; then exec openssl dgst -" + alg + " -r \"$1\"; "
                + "elif command -v " + alg + "sum >/dev/null 2>&1; then exec " + alg + "sum -- \"$1\"; else exit 97; fi";
        return new ProcessBuilder("/bin/sh", "-c", script, "sh", file.toString())
                .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The tool's hex digest of {@code length} characters, or null when it failed or said something else. */
    private static String hex(Process p, int length) throws IOException, InterruptedException {
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
        if (p.waitFor() != 0) {
            return null;
        }
        int end = out.indexOf(' ');
        String hex = end < 0 ? out : out.substring(0, end);
        return hex.length() == length && hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0 && !Character.isUpperCase(ch)) ? hex : null;
    }
}
