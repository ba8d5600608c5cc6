package dev.unwind.exec;

import dev.unwind.module.Become;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.DirectFiles;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;

import java.util.Optional;

/**
 * A connection that changes each command before it runs (marks it, exports an environment). A file moves by the inner
 * connection's direct way where it has one (SFTP: no command to change), else through the shell and so through
 * {@link #exec}, its commands changed like any other; a stat changes nothing and goes straight through.
 */
interface CommandWrapping extends Connection {
    Connection inner();

    /** The command as it is sent. */
    Command wrap(Command command);

    /** The same wrapping over another connection (one that becomes another user). */
    Connection over(Connection other);

    @Override
    default String host() {
        return inner().host();
    }

    @Override
    default ExecResult exec(Command command) throws ConnectionException {
        return inner().exec(wrap(command));
    }

    @Override
    default FileStat stat(String path) throws ConnectionException {
        return inner().stat(path);
    }

    @Override
    default Optional<DirectFiles> direct() {
        return inner().direct();
    }

    @Override
    default void reconnect() {
        inner().reconnect();
    }

    @Override
    default Connection becoming(Become become) {
        return over(inner().becoming(become));
    }
}
