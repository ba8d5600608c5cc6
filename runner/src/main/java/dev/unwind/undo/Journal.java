package dev.unwind.undo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unwind.run.RunDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's journal: JSON Lines, appended and fsync'd one entry at a time, so that what is in it
 * survives a crash of the controller. Reading tolerates a torn last line (a crash mid-write).
 */
public final class Journal implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path file;
    private final FileChannel channel;
    private long seq;
    private long written;
    private long synced;
    private final Object syncLock = new Object();

    private Journal(Path file, FileChannel channel, long seq) {
        this.file = file;
        this.channel = channel;
        this.seq = seq;
    }

    /** Opens for appending, creating the file (0600) if needed; numbering continues after existing entries. */
    public static Journal open(Path file) {
        try {
            RunDirectory.privateFile(file);
            long last = read(file).stream().mapToLong(Entry::seq).max().orElse(0);
            return new Journal(file, FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND), last);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends and forces the entry to disk before returning it with its sequence number. Hosts append in
     * parallel: one {@code force} covers every entry written before it began (group commit), so a host
     * waits for at most one fsync after its own write, and parallel hosts share fsyncs instead of queueing.
     */
    public Entry append(Entry e) {
        Entry stamped;
        long end;
        synchronized (this) {
            stamped = e.stamped(++seq, Instant.now().toString());
            try {
                byte[] line = (JSON.writeValueAsString(stamped) + "\n").getBytes(StandardCharsets.UTF_8);
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
                written += line.length;
                end = written;
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write the journal " + file + ": " + ex.getMessage(), ex);
            }
        }
        synchronized (syncLock) {
            if (synced < end) {
                long target = writtenSoFar();
                try {
                    channel.force(false);
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot sync the journal " + file + ": " + ex.getMessage(), ex);
                }
                synced = target;
            }
        }
        return stamped;
    }

    private synchronized long writtenSoFar() {
        return written;
    }

    public Path file() {
        return file;
    }

    public static List<Entry> read(Path file) {
        List<Entry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(JSON.readValue(line, Entry.class));
                } catch (IOException torn) {
                    if (i != lines.size() - 1) {
                        throw new UncheckedIOException("the journal " + file + " is damaged at line " + (i + 1), torn);
                    }
                    // the last line was being written when the controller died: nothing after it happened
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more can be written anyway
        }
    }
}
