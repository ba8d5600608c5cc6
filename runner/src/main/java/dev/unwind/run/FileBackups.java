package dev.unwind.run;

import dev.unwind.module.Backups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Before-state kept under the run's {@code backups/}, named by content hash (so the same bytes are
 * stored once), mode 0600, fsync'd before the reference is handed out.
 */
public final class FileBackups implements Backups {
    private final Path dir;
    private final String runId;

    public FileBackups(Path dir, String runId) {
        this.dir = dir;
        this.runId = runId;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String save(String host, byte[] content) {
        String ref = sha256(content);
        Path file = dir.resolve(ref);
        try {
            if (!Files.exists(file)) {
                Path tmp = RunDirectory.privateFile(dir.resolve(ref + ".tmp-" + Thread.currentThread().getId()));
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ch.write(ByteBuffer.wrap(content));
                    ch.force(true);
                }
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a backup in " + dir + ": " + e.getMessage(), e);
        }
        return ref;
    }

    @Override
    public byte[] load(String reference) {
        if (!reference.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a backup reference: " + reference);
        }
        try {
            return Files.readAllBytes(dir.resolve(reference));
        } catch (IOException e) {
            throw new UncheckedIOException("backup " + reference + " is missing from " + dir, e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
