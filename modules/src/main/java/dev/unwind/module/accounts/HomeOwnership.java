package dev.unwind.module.accounts;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Shell;

/**
 * The files of a home that {@code usermod -u} or {@code -g} re-owns (it changes every file of the home tree owned by
 * the old uid, or group-owned by the old gid), listed before the change so that the undo can give them back.
 */
final class HomeOwnership {
    private HomeOwnership() {
    }

    /** The paths under {@code home} owned (uid) or group-owned (gid) by {@code id}, NUL-separated. */
    static byte[] list(Connection c, String home, boolean uid, String id) throws ConnectionException {
        ExecResult r = c.exec(Command.of("[ -d " + Shell.quote(home) + " ] || exit 0; find " + Shell.quote(home) + " -"
                + (uid ? "uid " : "gid ") + Shell.quote(id) + " -print0"));
        if (!r.ok()) {
            throw new IllegalStateException("cannot list the files of " + home + " on " + c.host() + ": " + r.stderr().strip());
        }
        return r.out();
    }

    /** Gives the listed paths that still exist their old owner (uid) or group (gid) back; idempotent. */
    static void restore(Connection c, byte[] paths, boolean uid, String id) throws ConnectionException {
        if (paths.length == 0) {
            return;
        }
        String tool = uid ? "chown" : "chgrp";
        ExecResult r = c.exec(Command.of("xargs -0 -r sh -c 'for p; do if [ -e \"$p\" ] || [ -L \"$p\" ]; then " + tool
                + " -h " + id + " \"$p\" || exit 1; fi; done' _").withStdin(paths));
        if (!r.ok()) {
            throw new IllegalStateException("cannot give the files of the home back their " + (uid ? "owner " : "group ") + id
                    + " on " + c.host() + ": " + r.stderr().strip());
        }
    }
}
