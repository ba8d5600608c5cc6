package dev.unwind.module;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * What this controller remembers of large files on hosts: the SHA-256 a file had when unwind last placed or hashed
 * it, under the file's stamp there (device, inode, size, modification and change times, as {@code stat} prints
 * them). A file whose stamp is unchanged need not be hashed again to be compared: any write to it moves its change
 * time, which no one but the kernel sets. Whoever records an entry makes sure the stamp was taken after the last
 * write could have shared its time (see {@code HostDigest}). Kept beside the source digests; nothing is written on
 * the hosts. An entry that cannot be read or written only costs a hash.
 */
public final class HostFileDigests {
    /** Remembers nothing: every look hashes. */
    public static final HostFileDigests NONE = new HostFileDigests(null);

    private static final String FORMAT = "unwind host file digest 1";

    /** A file's SHA-256 under the stamp it had when it was taken. */
    public record Known(String stamp, String sha256) {
    }

    private final Path folder;

    /** @param folder where the entries live ({@code $UNWIND_HOME/digests/hosts}), or null to remember nothing */
    public HostFileDigests(Path folder) {
        this.folder = folder;
    }

    /** Whether anything is remembered at all (a look that only serves remembering can be skipped when not). */
    public boolean remembers() {
        return folder != null;
    }

    /** What was remembered of {@code path} on {@code host}, or null. */
    public Known recall(String host, String path) {
        if (folder == null) {
            return null;
        }
        List<String> lines = RememberedEntry.read(entry(host, path));
        if (lines == null || lines.size() != 5 || !lines.get(0).equals(FORMAT) || !lines.get(1).equals(host)
                || !lines.get(2).equals(path) || !lines.get(4).matches("[0-9a-f]{64}")) {
            return null;
        }
        return new Known(lines.get(3), lines.get(4));
    }

    public void remember(String host, String path, Known known) {
        if (folder != null) {
            RememberedEntry.write(folder, entry(host, path), String.join("\n", FORMAT, host, path, known.stamp(), known.sha256()) + "\n");
        }
    }

    private Path entry(String host, String path) {
        return folder.resolve(ContentDigest.of((host + "\0" + path).getBytes(StandardCharsets.UTF_8)).sha256());
    }
}
