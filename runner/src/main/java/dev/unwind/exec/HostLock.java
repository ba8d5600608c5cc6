package dev.unwind.exec;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Shell;

/**
 * A lock file on a host so two runs never change it at once (as k0sctl does): created atomically,
 * kept fresh by a heartbeat, taken over when older than {@link #STALE_SECONDS}, removed at the end.
 */
public final class HostLock {
    static final int STALE_SECONDS = 30;
    public static final String DEFAULT_PATH = "/run/lock/unwind.lock";

    private HostLock() {
    }

    /** Takes the lock for {@code runId}; returns null when taken, or who holds it. */
    static String acquire(Connection conn, String path, String runId, String holder) throws ConnectionException {
        String q = Shell.quote(path);
        String info = Shell.quote(runId + " " + holder);
        String script = "mkdir -p \"$(dirname " + q + ")\" 2>/dev/null; "
                + "if ( set -C; echo " + info + " > " + q + " ) 2>/dev/null; then exit 0; fi; "
                + "if [ ! -r " + q + " ]; then echo \"cannot create the lock file: $( (set -C; : > " + q + ") 2>&1)\"; exit 2; fi; "
                + "if [ \"$(cut -d' ' -f1 " + q + " 2>/dev/null)\" = " + Shell.quote(runId) + " ]; then exit 0; fi; "
                + "age=$(( $(date +%s) - $(stat -c %Y " + q + " 2>/dev/null || echo 0) )); "
                + "if [ \"$age\" -gt " + STALE_SECONDS + " ]; then echo " + info + " > " + q + ".$$ && mv -f " + q + ".$$ " + q
                + " && echo TAKEN_OVER && exit 0; fi; "
                + "echo \"held by run $(cat " + q + ") (refreshed ${age}s ago)\"; exit 1";
        ExecResult r = conn.exec(Command.of(script));
        if (r.exitCode() == 2) {
            throw new IllegalStateException(r.stdout().strip() + " (set unwind_lock_path to a writable path)");
        }
        return r.ok() ? null : r.stdout().strip();
    }

    static void heartbeat(Connection conn, String path) throws ConnectionException {
        conn.exec(Command.of("touch -c " + Shell.quote(path)));
    }

    public static void release(Connection conn, String path, String runId) throws ConnectionException {
        String q = Shell.quote(path);
        conn.exec(Command.of("if [ \"$(cut -d' ' -f1 " + q + " 2>/dev/null)\" = " + Shell.quote(runId) + " ]; then rm -f " + q + "; fi"));
    }
}
