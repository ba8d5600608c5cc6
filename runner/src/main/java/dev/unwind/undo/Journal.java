package dev.unwind.undo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unwind.run.RunDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run's journal: JSON Lines, appended and fsync'd one entry at a time, so that what is in it survives a
 * crash of the controller. Each line ends with a checksum of itself ({@link JournalLine}).
 *
 * <p>Reading never gives up on a damaged line: it returns the good entries and names the damaged lines
 * ({@link JournalContents}). Opening for appending first cuts off a damaged tail (everything after the last
 * good line, a torn write included), keeping those bytes in {@code journal.jsonl.damaged-N}, so that what is
 * appended next starts on a line of its own and the journal stays readable.
 */
public final class Journal implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path file;
    private final FileChannel channel;
    private final Path setAside;
    private long seq;
    private long written;
    private long synced;
    private final Object syncLock = new Object();

    private Journal(Path file, FileChannel channel, Path setAside, long seq) {
        this.file = file;
        this.channel = channel;
        this.setAside = setAside;
        this.seq = seq;
    }

    /**
     * Opens for appending, creating the file (0600) if needed; numbering continues after the good entries.
     * A damaged tail is moved aside first (see {@link #setAside()}).
     */
    public static Journal open(Path file) {
        try {
            RunDirectory.privateFile(file);
            byte[] bytes = Files.readAllBytes(file);
            Scan scan = scan(bytes);
            Path aside = scan.tailDamaged() ? cutTail(file, bytes, scan.goodEnd()) : null;
            long last = scan.contents().entries().stream().mapToLong(Entry::seq).max().orElse(0);
            return new Journal(file, FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND), aside, last);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where {@link #open} kept the damaged tail it cut off ({@code journal.jsonl.damaged-N}), if it cut one. */
    public Optional<Path> setAside() {
        return Optional.ofNullable(setAside);
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
                byte[] line = JournalLine.of(stamped);
                long start = channel.size();
                try {
                    ByteBuffer buf = ByteBuffer.wrap(line);
                    while (buf.hasRemaining()) {
                        channel.write(buf);
                    }
                } catch (IOException full) {
                    // a line written in part (a full disk) would swallow the next entry appended: take it back
                    try {
                        channel.truncate(start);
                    } catch (IOException stuck) {
                        full.addSuppressed(stuck);
                    }
                    throw full;
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

    /** The journal's good entries and damaged lines; a missing file is an empty journal. */
    public static JournalContents read(Path file) {
        if (!Files.exists(file)) {
            return JournalContents.EMPTY;
        }
        try {
            return scan(Files.readAllBytes(file)).contents();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param goodEnd     the offset just past the last good line's newline
     * @param tailDamaged a damaged line comes after the last good one
     */
    private record Scan(JournalContents contents, int goodEnd, boolean tailDamaged) {
    }

    private static Scan scan(byte[] bytes) {
        List<Entry> entries = new ArrayList<>();
        List<JournalContents.Damage> damage = new ArrayList<>();
        int goodEnd = 0;
        int goodLine = 0;
        int line = 0;
        for (int from = 0; from < bytes.length; line++) {
            int newline = indexOf(bytes, (byte) '\n', from);
            if (newline < 0) {
                damage.add(new JournalContents.Damage(line + 1, "no newline at its end: the controller stopped while writing it", true));
                break;
            }
            if (!blank(bytes, from, newline)) {
                try {
                    entries.add(JournalLine.read(bytes, from, newline));
                    goodEnd = newline + 1;
                    goodLine = line + 1;
                } catch (JournalLine.Invalid e) {
                    damage.add(new JournalContents.Damage(line + 1, e.getMessage(), false));
                }
            }
            from = newline + 1;
        }
        boolean tailDamaged = !damage.isEmpty() && damage.get(damage.size() - 1).line() > goodLine;
        return new Scan(new JournalContents(entries, damage), goodEnd, tailDamaged);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Moves {@code bytes[goodEnd..]} into the first free {@code FILE.damaged-N} (0600), then truncates the
     * journal to its good lines. In that order, each fsync'd: a crash in between leaves the damaged bytes in
     * both files, never in neither.
     */
    private static Path cutTail(Path file, byte[] bytes, int goodEnd) throws IOException {
        Path aside;
        for (int n = 1; ; n++) {
            aside = file.resolveSibling(file.getFileName() + ".damaged-" + n);
            try {
                Files.createFile(aside, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                break;
            } catch (FileAlreadyExistsException taken) {
                // an earlier cut's: keep it
            }
        }
        try (FileChannel out = FileChannel.open(aside, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes, goodEnd, bytes.length - goodEnd);
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            out.force(true);
        }
        try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
        try (FileChannel journal = FileChannel.open(file, StandardOpenOption.WRITE)) {
            journal.truncate(goodEnd);
            journal.force(true);
        }
        return aside;
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
