package dev.unwind.module;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
 */
public final class SourceDigests {
    /**
     * From this size a file is hashed by a native tool: it uses the CPU's SHA instructions whatever the JVM's JIT
     * (C1 alone hashes ~10x slower), and 200 MB take 0.2 s instead of 0.5-0.8 s in a JVM that just started.
     */
    static final long NATIVE_MIN = 4L << 20;

    private record Key(Path path, long size, long modifiedNanos) {
    }

    private final Map<Key, CompletableFuture<ContentDigest>> known = new ConcurrentHashMap<>();

    /** The file's digest, being taken unless this run already took it. */
    public CompletableFuture<ContentDigest> of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Key key = new Key(file.toAbsolutePath().normalize(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        return known.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> hash(file), SourceDigests::daemon));
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
