package dev.unwind.module.files;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;
import dev.unwind.module.Shell;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ansible's {@code backup} and {@code validate} of the content-writing modules. A backup is a copy of the replaced
 * file beside it ({@code PATH.NNNN.YYYY-MM-DD@HH:MM:SS~}), which the undo removes again, since unwind made it.
 * Validation runs the command (its {@code %s} is the new file) on a temporary file beside the destination before
 * the rename, so a failed validation leaves the destination untouched.
 *
 * @param validate the command with {@code %s}, or null
 */
public record Safeguards(boolean backup, String validate) {

    public static final Safeguards NONE = new Safeguards(false, null);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss~");

    public Safeguards {
        if (validate != null && !validate.contains("%s")) {
            throw new IllegalArgumentException("validate must contain %s (the file to check), got '" + validate + "'");
        }
    }

    /** From a module's {@code backup} and {@code validate} arguments (where it declares them). */
    public static Safeguards from(dev.unwind.module.Args args) {
        return new Safeguards(args.bool("backup"), args.str("validate"));
    }

    /** The name a backup of {@code path} gets now. */
    static String backupName(String path) {
        return path + "." + ThreadLocalRandom.current().nextInt(1000, 100000) + "." + LocalDateTime.now().format(STAMP);
    }

    /** Copies the file to {@code backup}, keeping its mode, owner and times. */
    static void backUp(Connection c, String path, String backup) throws ConnectionException {
        HostCommand.run(c, Command.of("cp -p -- " + Shell.quote(path) + " " + Shell.quote(backup)), "cannot back up " + path);
    }

    /**
     * Writes the content to a temporary file beside {@code dest} with the attributes the file is to have, and runs the
     * validation on it; returns the temporary path, or throws with the validator's output (the temporary file gone).
     */
    String stage(Connection c, Payload content, String dest, FileStat now, Attributes attrs) throws ConnectionException {
        String tmp = dest + ".unwind.v" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        String mode = attrs.mode() != null ? attrs.mode() : now.isFile() ? Modes.canonical(now.mode()) : null;
        content.put(c, tmp, mode);
        String t = Shell.quote(tmp);
        if (now.isFile()) {
            c.exec(Command.of("chown --reference=" + Shell.quote(dest) + " -- " + t + " 2>/dev/null || true"));
        }
        ExecResult r = c.exec(Command.of(validate.replace("%s", t)));
        if (!r.ok()) {
            c.exec(Command.of("rm -f -- " + t));
            throw new IllegalStateException("failed to validate: rc:" + r.exitCode() + " error:" + r.stderr().strip()
                    + (r.stdout().isBlank() ? "" : " output:" + r.stdout().strip()));
        }
        return tmp;
    }

    /** Renames a validated temporary file over the destination. */
    static void commit(Connection c, String tmp, String dest) throws ConnectionException {
        String t = Shell.quote(tmp);
        HostCommand.run(c, Command.of("t=" + t + " && " + Connection.SYNC_TEMPORARY + " && mv -f -- " + t + " " + Shell.quote(dest)),
                "cannot write " + dest);
    }
}
