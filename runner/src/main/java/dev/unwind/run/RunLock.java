package dev.unwind.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A lock on the run itself, {@code lock} in its folder: held by the run while it runs and by {@code unwind
 * rollback} while it rolls back, so that no two of them act on one journal at once. An OS file lock: it goes
 * with the process that held it, however that process ends, and stays while it is only stopped.
 */
public final class RunLock implements AutoCloseable {
    private final FileChannel channel;

    private RunLock(FileChannel channel) {
        this.channel = channel;
    }

    /** Takes the lock for {@code what} ("run", "rollback"), or refuses at once naming who holds it. */
    public static RunLock take(RunDirectory run, String what) {
        Path file = run.path().resolve("lock");
        try {
            RunDirectory.privateFile(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                throw new RunRefused("run " + run.id() + " is busy: " + (holder.isEmpty() ? "another process holds " + file
                        : holder) + "; wait for it to end");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("its " + what + " is running (pid " + ProcessHandle.current().pid() + ", since "
                    + Instant.now() + ")\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new RunLock(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the run " + run.id() + " (" + file + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close(); // which releases the lock
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
