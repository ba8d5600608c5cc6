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
 * background from the first ask, so that hashing the source overlaps with the hosts hashing their copies.
 */
public final class SourceDigests {
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
        try (InputStream in = Files.newInputStream(file)) {
            return ContentDigest.of(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
