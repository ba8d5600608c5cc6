package dev.unwind.exec;

import dev.unwind.module.Become;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Secrets;
import dev.unwind.transport.ConnectionVariable;
import dev.unwind.transport.Transport;
import dev.unwind.undo.Connector;

import java.util.Map;
import java.util.function.Function;

/**
 * Reaches a host the one way a run and its rollback both do: with the host's connection variables as the run saw
 * them, every password among them registered as a secret before anything is sent, and become with the password
 * the user typed (-K) or else the host's own.
 */
public final class HostConnector {
    /** Refuses a host whose lock is no longer this controller's (a run or a rollback that lost it). */
    @FunctionalInterface
    public interface LockGuard {
        void requireHeld(String host) throws ConnectionException;
    }

    private final Transport transport;
    private final Function<String, Map<String, Object>> vars;
    private final Secrets secrets;
    private final String askedBecomePassword;

    /** @param askedBecomePassword what -K asked for, or null */
    public HostConnector(Transport transport, Function<String, Map<String, Object>> vars, Secrets secrets,
                         String askedBecomePassword) {
        this.transport = transport;
        this.vars = vars;
        this.secrets = secrets;
        this.askedBecomePassword = askedBecomePassword;
    }

    /** The host's connection, opened now (so an unreachable host says so here) and reopened as needed. */
    public Connection connect(String host) throws ConnectionException {
        Map<String, Object> hv = vars.apply(host);
        ConnectionVariable.secretsOf(hv).forEach(secrets::add);
        transport.connect(host, hv);
        return new LiveConnection(transport, host, hv, null);
    }

    /**
     * Becoming {@code user} on the host; null when the connection already logs in as that user (Ansible skips become
     * then too: a root login with become: true does not go through sudo and keeps its PATH).
     */
    public Become become(String host, String user) {
        Map<String, Object> hv = vars.apply(host);
        if (user != null && user.equals(ConnectionVariable.loginUser(hv))) {
            return null;
        }
        return new Become(user, askedBecomePassword != null ? askedBecomePassword
                : ConnectionVariable.BECOME_PASSWORD.text(hv));
    }

    /** What an unwind connects with: the lock checked first, then the host, becoming {@code user} when given. */
    public Connector guarded(LockGuard guard) {
        return (host, user) -> {
            guard.requireHeld(host);
            Connection c = connect(host);
            return user == null ? c : c.becoming(become(host, user));
        };
    }
}
