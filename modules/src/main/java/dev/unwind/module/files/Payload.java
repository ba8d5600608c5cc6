package dev.unwind.module.files;

import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ContentDigest;
import dev.unwind.module.SourceDigests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The content a module puts at a path: bytes it made (a template, an edited file, literal content) or a controller
 * file, which is streamed to the host and never read into memory whole.
 */
public sealed interface Payload {

    /** Content shown in a diff only up to this size; larger content is named by size and digest. */
    long DIFF_LIMIT = 256 * 1024;

    long size();

    ContentDigest digest();

    /** Writes the content to {@code path} atomically ({@link Connection#put}). */
    void put(Connection c, String path, String mode) throws ConnectionException;

    /** The content as a diff shows it. */
    String forDiff();

    static Payload of(byte[] content) {
        return new Bytes(content, ContentDigest.of(content));
    }

    record Bytes(byte[] content, ContentDigest digest) implements Payload {
        @Override
        public long size() {
            return content.length;
        }

        @Override
        public void put(Connection c, String path, String mode) throws ConnectionException {
            c.put(content, path, mode);
        }

        @Override
        public String forDiff() {
            return content.length > DIFF_LIMIT ? Texts.summary(content.length, digest.sha256()) : Texts.forDiff(content);
        }
    }

    /**
     * Content already on the host, in the temporary file {@code tmp} beside the destination (a download): putting it
     * is a rename, so it never crosses the network again. In check mode nothing was written and {@code tmp} is null.
     */
    record OnHost(String tmp, long size, ContentDigest digest) implements Payload {
        @Override
        public void put(Connection c, String path, String mode) throws ConnectionException {
            if (tmp == null) {
                throw new IllegalStateException("nothing was downloaded to put at " + path);
            }
            HostCommand.run(c, dev.unwind.module.Command.of("t=" + dev.unwind.module.Shell.quote(tmp) + " && " + settle(path, mode)),
                    "cannot put " + path + " in place");
        }

        @Override
        public String forDiff() {
            return Texts.summary(size, digest.sha256());
        }
    }

    /**
     * A file already on the host ({@code copy remote_src=true}): copied there into a temporary file beside the
     * destination, then renamed, so it never crosses the network.
     */
    record HostFile(String source, long size, ContentDigest digest) implements Payload {
        @Override
        public void put(Connection c, String path, String mode) throws ConnectionException {
            String q = dev.unwind.module.Shell.quote(path);
            HostCommand.run(c, dev.unwind.module.Command.of("t=$(mktemp " + dev.unwind.module.Shell.quote(path + ".unwind.XXXXXX")
                    + ") && { cp -- " + dev.unwind.module.Shell.quote(source) + " \"$t\" && " + settle(path, mode)
                    + "; } || { rc=$?; rm -f \"$t\"; exit $rc; }"), "cannot copy " + source + " to " + q);
        }

        @Override
        public String forDiff() {
            return Texts.summary(size, digest.sha256());
        }
    }

    /**
     * The shell that gives {@code $t} the replaced file's owner and group (where it may), the mode (or the replaced
     * file's, or 0644), syncs it and renames it over {@code path}: what {@link Connection#put} does to its temporary file.
     */
    private static String settle(String path, String mode) {
        String q = dev.unwind.module.Shell.quote(path);
        String chmod = mode != null ? "chmod " + Modes.explicit(mode) + " \"$t\""
                : "if [ -e " + q + " ]; then chmod --reference=" + q + " \"$t\"; else chmod 0644 \"$t\"; fi";
        return "{ if [ -e " + q + " ]; then chown --reference=" + q + " \"$t\" 2>/dev/null || true; fi; } && " + chmod + " && "
                + Connection.SYNC_TEMPORARY + " && mv -f -- \"$t\" " + q;
    }

    /** A controller file; its digest comes from the run's {@code digests}, so it is read once for all hosts. */
    static LocalFile of(Path file, SourceDigests digests) throws IOException {
        return new LocalFile(file, Files.size(file), digests.of(file));
    }

    /** @param pending the digest, still being taken while the host looks at its copy */
    record LocalFile(Path file, long size, CompletableFuture<ContentDigest> pending) implements Payload {
        @Override
        public ContentDigest digest() {
            try {
                return pending.join();
            } catch (CompletionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }

        @Override
        public void put(Connection c, String path, String mode) throws ConnectionException {
            c.put(file, path, mode);
        }

        @Override
        public String forDiff() {
            if (size > DIFF_LIMIT) {
                return Texts.summary(size, digest().sha256());
            }
            try {
                return Texts.forDiff(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
