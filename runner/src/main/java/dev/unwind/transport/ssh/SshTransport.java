package dev.unwind.transport.ssh;

import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.OpenSSHConfig;
import com.jcraft.jsch.Session;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.transport.ConnectionVariable;
import dev.unwind.transport.Transport;
import dev.unwind.transport.TransportOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SSH to every host of a run: {@link #connect} opens one authenticated session per host on first use and
 * hands the same {@link SshConnection} to every later caller, until the connection is lost (then the next
 * call connects again). Hosts connect in parallel from the caller's threads; two callers asking for the same
 * host at once share one attempt.
 */
public final class SshTransport implements Transport {
    private final TransportOptions options;
    private final SshSettings settings;
    private final EndpointResolver resolver;
    private final SessionOpener opener;
    private final Map<String, Object> hostLocks = new ConcurrentHashMap<>();
    private final Map<String, SshConnection> connections = new ConcurrentHashMap<>();

    /** With the user's own {@code ~/.ssh} files and {@code SSH_AUTH_SOCK}. */
    public SshTransport(TransportOptions options) {
        this(options, SshSettings.fromEnvironment());
    }

    public SshTransport(TransportOptions options, SshSettings settings) {
        this.options = options;
        this.settings = settings;
        HostKeyChecking.parse(options.hostKeyChecking());
        this.resolver = new EndpointResolver(options, settings, sshConfig(settings));
        this.opener = new SessionOpener(settings, options.keyPassphraseFile());
    }

    private static ConfigRepository sshConfig(SshSettings settings) {
        if (settings.sshConfig() == null) {
            return null;
        }
        try {
            return OpenSSHConfig.parseFile(settings.sshConfig().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ssh config " + settings.sshConfig() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Connection connect(String host, Map<String, Object> hostVars) throws ConnectionException {
        SshConnection c = connections.get(host);
        if (c != null && c.isOpen()) {
            return c;
        }
        synchronized (hostLocks.computeIfAbsent(host, h -> new Object())) {
            c = connections.get(host);
            if (c != null && c.isOpen()) {
                return c;
            }
            SshEndpoint endpoint = resolver.resolve(host, hostVars);
            Session session = opener.open(endpoint);
            String becomePassword = becomePassword(hostVars);
            c = new SshConnection(host, session, settings.maxSessions(), becomePassword);
            connections.put(host, c);
            return c;
        }
    }

    private String becomePassword(Map<String, Object> vars) {
        String inventory = ConnectionVariable.BECOME_PASSWORD.text(vars);
        return inventory != null ? inventory : options.becomePassword();
    }

    @Override
    public void close() {
        connections.values().forEach(SshConnection::close);
        connections.clear();
        opener.close();
    }
}
