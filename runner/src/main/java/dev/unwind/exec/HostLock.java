package dev.unwind.exec;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Shell;

/**
 * A lock file on a host so two runs never change it at once (as k0sctl does): created atomically, naming its
 * {@link LockOwner}, its mtime kept fresh by a heartbeat, removed at the end.
 *
 * <p>A held lock is taken over only when its owner is provably gone. On this machine: its controller pid has
 * ended or belongs to another process now, however old the heartbeat (a SIGSTOPped controller keeps its lock).
 * On another machine, where the pid cannot be looked at: no heartbeat for {@link #staleSeconds()}.
 */
public final class HostLock {
    public static final String DEFAULT_PATH = "/run/lock/unwind.lock";
    static final int STALE_SECONDS = 30;
    private static final int ATTEMPTS = 3;

    /** What {@link #acquire} came to. */
    public enum Outcome { TAKEN, TAKEN_OVER, REFUSED }

    /** @param message for {@code TAKEN_OVER} from whom and why, for {@code REFUSED} who holds it; else null */
    public record Result(Outcome outcome, String message) {
        public boolean held() {
            return outcome != Outcome.REFUSED;
        }
    }

    /** The first line of an existing lock file and how many seconds ago its heartbeat was, by the host's clock. */
    private record Seen(String line, long age) {
        LockOwner owner() {
            return LockOwner.parse(line);
        }
    }

    private HostLock() {
    }

    /** Seconds without a heartbeat before another machine's lock is taken over; tests shorten it. */
    public static int staleSeconds() {
        return Integer.getInteger("unwind.test.lockStaleSeconds", STALE_SECONDS);
    }

    public static Result acquire(Connection conn, String path, LockOwner self) throws ConnectionException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Seen seen = create(conn, path, self);
            if (seen == null || seen.owner().sameProcessAs(self)) {
                return new Result(Outcome.TAKEN, null);
            }
            if (seen.line().isBlank()) {
                continue; // released between the two looks
            }
            String held = refusal(seen, path);
            if (held != null) {
                return new Result(Outcome.REFUSED, held);
            }
            if (replace(conn, path, seen.line(), self)) {
                return new Result(Outcome.TAKEN_OVER, takeover(seen, path));
            }
        }
        return new Result(Outcome.REFUSED, "the lock " + path + " changed hands " + ATTEMPTS + " times while it was being taken: retry");
    }

    /**
     * The heartbeat, which also tells whether the lock is still this run's: null while it is (its mtime is
     * refreshed), else who holds it now.
     */
    public static String refresh(Connection conn, String path, LockOwner self) throws ConnectionException {
        String q = Shell.quote(path);
        ExecResult r = conn.exec(Command.of("if [ \"$(cat " + q + " 2>/dev/null)\" = " + Shell.quote(self.line()) + " ]; then touch -c "
                + q + "; exit 0; fi; head -n 1 " + q + " 2>/dev/null; exit 1"));
        if (r.ok()) {
            return null;
        }
        String line = r.stdout().strip();
        return line.isEmpty() ? "nobody: the lock file " + path + " was removed" : describe(LockOwner.parse(line), line);
    }

    /** Removes the lock if it is still {@code self}'s. */
    public static void release(Connection conn, String path, LockOwner self) throws ConnectionException {
        String q = Shell.quote(path);
        conn.exec(Command.of("if [ \"$(cat " + q + " 2>/dev/null)\" = " + Shell.quote(self.line()) + " ]; then rm -f " + q + "; fi"));
    }

    /** Creates the lock for {@code self}: null when created, else what holds it. */
    private static Seen create(Connection conn, String path, LockOwner self) throws ConnectionException {
        String q = Shell.quote(path);
        String script = "mkdir -p \"$(dirname " + q + ")\" 2>/dev/null; "
                + "if ( set -C; echo " + Shell.quote(self.line()) + " > " + q + " ) 2>/dev/null; then exit 0; fi; "
                + "if [ ! -r " + q + " ]; then echo \"cannot create the lock file: $( (set -C; : > " + q + ") 2>&1)\"; exit 2; fi; "
                + "echo $(( $(date +%s) - $(stat -c %Y " + q + " 2>/dev/null || date +%s) )); head -n 1 " + q + " 2>/dev/null; exit 1";
        ExecResult r = conn.exec(Command.of(script));
        if (r.exitCode() == 2) {
            throw new IllegalStateException(r.stdout().strip() + " (set unwind_lock_path to a writable path)");
        }
        if (r.ok()) {
            return null;
        }
        String[] lines = r.stdout().split("\n", -1);
        long age;
        try {
            age = Long.parseLong(lines[0].strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("cannot read the lock file " + path + ": " + r.stdout().strip() + r.stderr().strip());
        }
        return new Seen(lines.length > 1 ? lines[1] : "", age);
    }

    /** Null when the owner is provably gone; else why the lock stays where it is. */
    private static String refusal(Seen seen, String path) {
        LockOwner owner = seen.owner();
        String who = describe(owner, seen.line());
        if (owner.onThisMachine()) {
            return owner.processGone() ? null : "another run holds the lock " + path + ": " + who
                    + ", whose controller is still running on this machine (heartbeat " + seen.age() + "s ago);"
                    + " wait for it to end: a lock is taken over only once its controller has ended";
        }
        return seen.age() > staleSeconds() ? null : "another run holds the lock " + path + ": " + who + " (heartbeat "
                + seen.age() + "s ago); wait for it to end: a lock of another machine's run is taken over only after "
                + staleSeconds() + "s without a heartbeat";
    }

    private static String takeover(Seen seen, String path) {
        String who = describe(seen.owner(), seen.line());
        return "took over the lock " + path + " from " + who + (seen.owner().onThisMachine()
                ? ": its controller has ended" : ": no heartbeat for " + seen.age() + "s (more than " + staleSeconds() + "s)");
    }

    private static String describe(LockOwner owner, String line) {
        return owner.machine() == null ? "run " + line.strip() : owner.describe();
    }

    /**
     * Replaces the lock, if it still holds {@code expected}, with {@code self}'s. The rename lets only one of
     * two takers move the old lock aside; the new one is created as a new lock is, so a run that locked the
     * host meanwhile keeps it.
     */
    private static boolean replace(Connection conn, String path, String expected, LockOwner self) throws ConnectionException {
        String q = Shell.quote(path);
        String aside = q + ".stale.$$";
        String script = "mv -f " + q + " " + aside + " 2>/dev/null || exit 1; "
                + "if [ \"$(head -n 1 " + aside + ")\" = " + Shell.quote(expected) + " ]; then rm -f " + aside + "; "
                + "( set -C; echo " + Shell.quote(self.line()) + " > " + q + " ) 2>/dev/null && exit 0; exit 1; fi; "
                // another taker's lock was moved: put it back unless a new one is already there
                + "ln " + aside + " " + q + " 2>/dev/null; rm -f " + aside + "; exit 1";
        return conn.exec(Command.of(script)).ok();
    }
}
