package dev.unwind.module.accounts;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Shell;

/**
 * Replaces an account file the way the shadow tools do: holding {@code FILE.lock} (a hard link to a file naming the
 * holder's pid, which useradd, passwd and vipw honour and take over only from a dead holder), and only if the file
 * still holds what was read (its SHA-256): a tool that changed it meanwhile makes the caller read it again. The new
 * content goes to a temporary file with the old one's owner and mode, is synced, then renamed over it.
 */
final class LockedWrite {
    /** Exit status when the file changed since it was read. */
    static final int CHANGED_MEANWHILE = 76;

    private LockedWrite() {
    }

    /** @return false when the file changed since it was read (nothing written) */
    static boolean replace(Connection c, AccountFile f, String expectedSha256, byte[] content) throws ConnectionException {
        String q = Shell.quote(f.path());
        String script = "f=" + q + "; l=\"$f.lock\"; p=\"$f.$$\"; t=; echo $$ > \"$p\" || exit 1; i=0;"
                + " until ln \"$p\" \"$l\" 2>/dev/null; do o=$(cat \"$l\" 2>/dev/null);"
                + " if [ -n \"$o\" ] && ! kill -0 \"$o\" 2>/dev/null; then rm -f \"$l\"; continue; fi;"
                + " i=$((i+1)); if [ $i -ge 100 ]; then rm -f \"$p\"; echo \"$f is locked by process $o\" >&2; exit 75; fi; sleep 0.1; done;"
                + " rm -f \"$p\"; trap 'rm -f \"$l\" $t' EXIT;"
                + " [ \"$(sha256sum < \"$f\" | cut -d' ' -f1)\" = " + Shell.quote(expectedSha256) + " ] || exit " + CHANGED_MEANWHILE + ";"
                + " t=$(mktemp \"$f.unwind.XXXXXX\") && cat > \"$t\" && chown --reference=\"$f\" \"$t\" && chmod --reference=\"$f\" \"$t\""
                + " && { sync -- \"$t\" 2>/dev/null || :; } && mv -f \"$t\" \"$f\"";
        ExecResult r = c.exec(Command.of(script).withStdin(content));
        if (r.exitCode() == CHANGED_MEANWHILE) {
            return false;
        }
        if (!r.ok()) {
            throw new IllegalStateException("cannot write " + f.path() + " on " + c.host() + ": " + r.stderr().strip());
        }
        return true;
    }
}
