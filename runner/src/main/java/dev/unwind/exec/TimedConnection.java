package dev.unwind.exec;

import dev.unwind.module.Become;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.DirectFiles;
import dev.unwind.module.ExecResult;

import java.time.Duration;
import java.util.Optional;

/** A task's {@code timeout:} applied to every command the task runs that has none of its own. */
record TimedConnection(Connection inner, Duration timeout) implements Connection {

    static Connection of(Connection c, Integer seconds) {
        return seconds == null ? c : new TimedConnection(c, Duration.ofSeconds(seconds));
    }

    @Override
    public String host() {
        return inner.host();
    }

    @Override
    public ExecResult exec(Command command) throws ConnectionException {
        return inner.exec(command.timeout() == null ? command.withTimeout(timeout) : command);
    }

    /** A transfer that runs no command has no command to time: it ends with the data or with the connection. */
    @Override
    public Optional<DirectFiles> direct() {
        return inner.direct();
    }

    @Override
    public void reconnect() {
        inner.reconnect();
    }

    @Override
    public Connection becoming(Become become) {
        return new TimedConnection(inner.becoming(become), timeout);
    }
}
