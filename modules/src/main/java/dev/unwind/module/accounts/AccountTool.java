package dev.unwind.module.accounts;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs one of the shadow tools; a failure ends the task with the tool's own message. */
final class AccountTool {
    private AccountTool() {
    }

    static void run(Connection c, List<String> argv) throws ConnectionException {
        ExecResult r = c.exec(Command.argv(argv));
        if (!r.ok()) {
            throw new IllegalStateException(argv.get(0) + " failed on " + c.host() + " (rc " + r.exitCode() + "): "
                    + (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip());
        }
    }

    /** Sets a password hash with {@code chpasswd -e}: the hash travels on stdin, never on a command line. */
    static void setHash(Connection c, String user, String hash) throws ConnectionException {
        ExecResult r = c.exec(Command.of("chpasswd -e").withStdin((user + ":" + hash + "\n").getBytes(StandardCharsets.UTF_8)));
        if (!r.ok()) {
            // chpasswd names the line, not the hash; still, say no more than that it failed
            throw new IllegalStateException("chpasswd failed on " + c.host() + " (rc " + r.exitCode() + ") setting the password of " + user);
        }
    }
}
