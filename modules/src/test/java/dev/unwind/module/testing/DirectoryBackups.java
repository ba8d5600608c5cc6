package dev.unwind.module.testing;

import dev.unwind.module.Backups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/** Backups in a directory, named by the SHA-256 of their content (so equal content gives equal references). */
final class DirectoryBackups implements Backups {
    private final Path dir;

    DirectoryBackups(Path dir) {
        this.dir = dir;
    }

    @Override
    public String runId() {
        return "test";
    }

    @Override
    public String save(String host, byte[] content) {
        try {
            String ref = host + "/" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            Path p = dir.resolve(ref);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
            return ref;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] load(String reference) {
        try {
            return Files.readAllBytes(dir.resolve(reference));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int count() {
        try (Stream<Path> s = Files.walk(dir)) {
            return (int) s.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
