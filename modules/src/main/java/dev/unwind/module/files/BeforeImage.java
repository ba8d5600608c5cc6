package dev.unwind.module.files;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Shell;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A large file's previous content kept on its own host, beside it: {@code DIR/.unwind-RUN-TAG-NAME}, on the same
 * file system, so keeping it is a hard link (replace) or a rename (remove), O(1) whatever the size, and nothing
 * crosses the network. The undo ({@code restore_path} with {@code aside} and {@code sha256}) renames it back and
 * verifies the checksum on the host. Files up to {@link #CONTROLLER_LIMIT} keep going to the run's backups on the
 * controller, where a diff can show them.
 */
public record BeforeImage(String path, String aside, String sha256) {

    /** Before-images up to this size go to the controller; larger ones stay on the host. */
    public static final long CONTROLLER_LIMIT = 1024 * 1024;

    /** Prefix of every before-image's name, so they are recognisable on a host. */
    public static final String PREFIX = ".unwind-";

    private static final int NAME_KEPT = 120;

    /** Names (not yet makes) the before-image of {@code path}, whose content has {@code sha256}, for this run. */
    public static BeforeImage of(String path, String sha256, String runId) {
        String parent = PriorState.parentOf(path);
        String name = PriorState.baseName(path);
        // the tag tells apart two before-images of one path in one run (two tasks replace it in turn)
        String tag = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        String aside = (parent.equals("/") ? "" : parent) + "/" + PREFIX + runId + "-" + tag + "-"
                + (name.length() > NAME_KEPT ? name.substring(0, NAME_KEPT) : name);
        return new BeforeImage(path, aside, sha256);
    }

    /** Keeps the file as it is while a new one is renamed over it: a hard link, or a copy where links are refused. */
    public void linkAside(Connection c) throws ConnectionException {
        HostCommand.run(c, Command.of("ln -- " + Shell.quote(path) + " " + Shell.quote(aside) + " 2>/dev/null || cp -p -- "
                + Shell.quote(path) + " " + Shell.quote(aside)), "cannot keep the before-image of " + path);
    }

    /** Moves the file aside (what removing it becomes). */
    public void moveAside(Connection c) throws ConnectionException {
        HostCommand.run(c, Command.of("mv -- " + Shell.quote(path) + " " + Shell.quote(aside)),
                "cannot keep the before-image of " + path);
    }

    /**
     * Puts the before-image back by rename (its inode keeps the old owner, group and mode), and removes temporary
     * files an interrupted transfer may have left beside the path. When the path is the before-image itself (the
     * run stopped between the link and the replace), the extra link goes.
     */
    public static void putBack(Connection c, String aside, String path) throws ConnectionException {
        String a = Shell.quote(aside);
        String p = Shell.quote(path);
        HostCommand.run(c, Command.of("if [ " + a + " -ef " + p + " ]; then rm -f -- " + a + "; else mv -f -- " + a + " " + p
                + "; fi && rm -f -- " + p + ".unwind.*"), "cannot restore " + path + " from " + aside);
    }
}
