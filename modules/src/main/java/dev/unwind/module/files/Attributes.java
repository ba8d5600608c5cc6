package dev.unwind.module.files;

import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;
import dev.unwind.module.Shell;

import java.util.ArrayList;
import java.util.List;

/** The mode, owner and group a task wants on a path; null parts are left as they are. */
public record Attributes(String mode, String owner, String group) {

    public static final Attributes NONE = new Attributes(null, null, null);

    public Attributes {
        mode = Modes.normalize(mode);
        owner = blankToNull(owner);
        group = blankToNull(group);
    }

    /** From a module's {@code mode}, {@code owner} and {@code group} arguments. */
    public static Attributes from(Args args) {
        return new Attributes(Modes.normalize(args.raw("mode")), args.str("owner"), args.str("group"));
    }

    /** What would change on a path that is now as {@code now} says ("mode 644 -> 600"). */
    public List<String> changesFrom(FileStat now) {
        List<String> out = new ArrayList<>();
        if (mode != null && (now == null || !mode.equals(Modes.canonical(now.mode())))) {
            out.add("mode " + (now == null ? "-" : Modes.canonical(now.mode())) + " -> " + mode);
        }
        if (owner != null && (now == null || !sameId(owner, now.owner(), now.uid()))) {
            out.add("owner " + (now == null ? "-" : now.owner()) + " -> " + owner);
        }
        if (group != null && (now == null || !sameId(group, now.group(), now.gid()))) {
            out.add("group " + (now == null ? "-" : now.group()) + " -> " + group);
        }
        return out;
    }

    /** A wanted owner or group given as a number (as undos give them) is compared with the number. */
    private static boolean sameId(String wanted, String name, String id) {
        return wanted.matches("\\d+") && id != null ? wanted.equals(id) : wanted.equals(name);
    }

    /**
     * Fails (the same way in check mode and for real) when the owner or group does not exist on the host,
     * so a check run predicts the failure a real run would meet.
     */
    public void verifyNames(Connection c) throws ConnectionException {
        if (owner != null && !owner.matches("\\d+")) {
            ExecResult r = c.exec(Command.of("id -u -- " + Shell.quote(owner)));
            if (!r.ok()) {
                throw new IllegalStateException("owner '" + owner + "' does not exist on " + c.host());
            }
        }
        if (group != null && !group.matches("\\d+")) {
            ExecResult r = c.exec(Command.of("getent group " + Shell.quote(group)));
            if (!r.ok()) {
                throw new IllegalStateException("group '" + group + "' does not exist on " + c.host());
            }
        }
    }

    /** Applies every set part to {@code path} (not following a symbolic link). */
    public void apply(Connection c, String path) throws ConnectionException {
        String script = shell(Shell.quote(path));
        if (script.isEmpty()) {
            return;
        }
        HostCommand.run(c, Command.of(script), "cannot set mode/owner of " + path);
    }

    /** The shell that applies every set part to the (quoted) path {@code q}; empty when nothing is set. */
    public String shell(String q) {
        List<String> steps = new ArrayList<>();
        if (owner != null || group != null) {
            String who = (owner == null ? "" : owner) + (group == null ? "" : ":" + group);
            steps.add("chown -h -- " + Shell.quote(who) + " " + q);
        }
        if (mode != null) {
            // five digits: GNU chmod keeps a directory's setuid/setgid under "755" and clears them only under "00755"
            steps.add("chmod -- " + Modes.explicit(mode) + " " + q);
        }
        return String.join(" && ", steps);
    }

    /**
     * The shell that fails with exit 3 (printing which) when the owner or group does not exist: what
     * {@link #verifyNames} asks, as part of a larger command.
     */
    String verifyShell() {
        List<String> steps = new ArrayList<>();
        if (owner != null && !owner.matches("\\d+")) {
            steps.add("id -u -- " + Shell.quote(owner) + " >/dev/null 2>&1 || { echo NOUSER; exit 3; }");
        }
        if (group != null && !group.matches("\\d+")) {
            steps.add("getent group " + Shell.quote(group) + " >/dev/null 2>&1 || { echo NOGROUP; exit 3; }");
        }
        return String.join("; ", steps);
    }

    /** The error {@link #verifyNames} gives, from what {@link #verifyShell} printed. */
    IllegalStateException missingName(String printed, String host) {
        return printed.contains("NOUSER") ? new IllegalStateException("owner '" + owner + "' does not exist on " + host)
                : new IllegalStateException("group '" + group + "' does not exist on " + host);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
