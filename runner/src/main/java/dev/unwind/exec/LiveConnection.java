package dev.unwind.exec;

import dev.unwind.module.Become;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.DirectFiles;
import dev.unwind.module.ExecResult;
import dev.unwind.transport.Transport;

import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/**
 * The connection a task is given: every call asks the transport for the host's current connection, so
 * a session dropped mid-task (a reboot, {@link #reconnect()}) is opened anew on the next command.
 */
record LiveConnection(Transport transport, String host, Map<String, Object> hostVars, Become become) implements Connection {

    private Connection now() throws ConnectionException {
        Connection c = transport.connect(host, hostVars);
        return become == null ? c : c.becoming(become);
    }

    /** Becoming stays the transport's business (SSH fills in the -K password when the task gives none). */
    @Override
    public Connection becoming(Become b) {
        return b == null ? this : new LiveConnection(transport, host, hostVars, b);
    }

    @Override
    public ExecResult exec(Command command) throws ConnectionException {
        return now().exec(command);
    }

    /**
     * The transport's direct way, reached through the host's current connection at each transfer; none under become
     * (files then go through sudo in commands).
     */
    @Override
    public Optional<DirectFiles> direct() {
        return become != null ? Optional.empty() : Optional.of(new DirectFiles() {
            @Override
            public Result put(Source content, String path, String mode) throws ConnectionException {
                Optional<DirectFiles> d = now().direct();
                return d.isPresent() ? d.get().put(content, path, mode) : Result.REFUSED;
            }

            @Override
            public Result get(String path, OutputStream into) throws ConnectionException {
                Optional<DirectFiles> d = now().direct();
                return d.isPresent() ? d.get().get(path, into) : Result.REFUSED;
            }
        });
    }

    @Override
    public void reconnect() {
        try {
            now().reconnect();
        } catch (ConnectionException e) {
            // already gone: the next command reconnects or reports the host unreachable
        }
    }
}
