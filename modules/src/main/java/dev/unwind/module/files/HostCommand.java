package dev.unwind.module.files;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;

/** A command the file modules need to succeed: a failure ends the task with the host's own error. */
final class HostCommand {
    private HostCommand() {
    }

    /**
     * @param failure what could not be done, e.g. "cannot change /etc/x"; the message adds the host and stderr
     * @throws IllegalStateException the command failed
     */
    static ExecResult run(Connection c, Command command, String failure) throws ConnectionException {
        ExecResult r = c.exec(command);
        if (!r.ok()) {
            throw new IllegalStateException(failure + " on " + c.host() + ": " + r.stderr().strip());
        }
        return r;
    }
}
