package dev.unwind.module.files;

import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ContentDigest;
import dev.unwind.module.FileStat;

/**
 * What a file holds before a change. A small file ({@link BeforeImage#CONTROLLER_LIMIT}) is read, so that its
 * bytes can go to the run's backups and a diff; of a large one only the size and the SHA-256, taken on the host,
 * are known: comparing it moves nothing over the network.
 */
record PriorContent(byte[] bytes, long size, String sha256, String sha1) {

    /** What a path that is not a regular file holds. */
    static final PriorContent NONE = of(new byte[0]);

    /** @param digest whether a large file's SHA-256 is needed (to compare it, or for its undo) */
    static PriorContent read(Connection c, String path, FileStat st, boolean digest) throws ConnectionException {
        return read(c, path, st, digest, null);
    }

    /** @param known a large file's SHA-256 as the look that gave {@code st} took it, or null */
    static PriorContent read(Connection c, String path, FileStat st, boolean digest, String known) throws ConnectionException {
        if (!st.isFile()) {
            return NONE;
        }
        if (st.size() <= BeforeImage.CONTROLLER_LIMIT) {
            return of(c.get(path).orElse(new byte[0]));
        }
        return new PriorContent(null, st.size(), !digest ? null : known != null ? known : HostDigest.SHA256.of(c, path), null);
    }

    private static PriorContent of(byte[] bytes) {
        ContentDigest d = ContentDigest.of(bytes);
        return new PriorContent(bytes, bytes.length, d.sha256(), d.sha1());
    }

    boolean same(Payload p) {
        return sha256 != null && size == p.size() && sha256.equals(p.digest().sha256());
    }

    /** Ansible's {@code checksum}, taken on the host for a large file. */
    String sha1(Connection c, String path) throws ConnectionException {
        return sha1 != null ? sha1 : HostDigest.SHA1.of(c, path);
    }

    String forDiff() {
        return bytes != null ? Payload.of(bytes).forDiff() : Texts.summary(size, sha256);
    }
}
