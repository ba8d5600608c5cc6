package dev.unwind.module;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The digests of controller files, each taken once however many hosts receive the file: keyed by path, size and
 * modification time, so a file edited during the run is hashed again. One per run; hosts that ask for the same
 * file at once wait for the one read.
 */
public final class SourceDigests {
    private record Key(Path path, long size, long modifiedNanos) {
    }

    private final Map<Key, ContentDigest> known = new ConcurrentHashMap<>();

    /** The file's digest, taken now unless this run already took it. */
    public ContentDigest of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Key key = new Key(file.toAbsolutePath().normalize(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        try {
            return known.computeIfAbsent(key, k -> hash(file));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ContentDigest hash(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ContentDigest.of(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
