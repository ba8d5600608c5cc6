package dev.unwind.transport;

import dev.unwind.local.LocalConnection;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the transport for each host from {@code ansible_connection}: {@code local}, or SSH (the default).
 */
public final class Transports implements Transport {
    private final Map<String, Connection> locals = new ConcurrentHashMap<>();
    private final Transport ssh;

    public Transports(Transport ssh) {
        this.ssh = ssh;
    }

    @Override
    public Connection connect(String host, Map<String, Object> hostVars) throws ConnectionException {
        String kind = java.util.Objects.requireNonNullElse(ConnectionVariable.CONNECTION.text(hostVars), "ssh");
        if (kind.equals("local")) {
            return locals.computeIfAbsent(host, LocalConnection::new);
        }
        if (ssh == null) {
            throw new ConnectionException(host, "ansible_connection=" + kind + " is not available in this build");
        }
        return ssh.connect(host, hostVars);
    }

    @Override
    public void close() {
        if (ssh != null) {
            ssh.close();
        }
    }
}
