package dev.unwind.transport.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UnixDomainSocketFactory;
import dev.unwind.module.ConnectionException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens authenticated JSch sessions: direct, or through a jump host whose own session is opened once and
 * shared by every host behind it. Every failure becomes a {@link ConnectionException} that says what went
 * wrong in words (refused, timed out, host key, authentication), never a bare JSch message.
 */
final class SessionOpener implements AutoCloseable {
    /** JSch runs one reader thread per session; a small stack keeps hundreds of hosts cheap. */
    private static final long READER_STACK_BYTES = 256 * 1024;

    private final JSch jsch = new JSch();
    private final SshSettings settings;
    private final PrivateKeys keys;
    private final Map<Path, KnownHostsFile> knownHostsFiles = new ConcurrentHashMap<>();
    private final Map<String, Object> bastionLocks = new ConcurrentHashMap<>();
    private final Map<String, Session> bastions = new ConcurrentHashMap<>();
    private final ThreadFactory readers;

    SessionOpener(SshSettings settings, Path keyPassphraseFile) {
        this.settings = settings;
        this.keys = new PrivateKeys(jsch, keyPassphraseFile);
        AtomicInteger n = new AtomicInteger();
        this.readers = r -> {
            Thread t = new Thread(null, r, "ssh-reader-" + n.incrementAndGet(), READER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }

    /** A connected, authenticated session to {@code e}. */
    Session open(SshEndpoint e) throws ConnectionException {
        Session via = e.via() == null ? null : bastion(e.via(), e.name());
        HostKeyVerifier verifier = new HostKeyVerifier(knownHosts(e), e.hostKeyChecking());
        Session s;
        try {
            s = jsch.getSession(e.user(), e.hostname(), e.port());
        } catch (JSchException ex) {
            throw new ConnectionException(e.name(), "cannot set up a session to " + e.sessionKey() + ": " + ex.getMessage());
        }
        s.setIdentityRepository(identities(e));
        s.setHostKeyRepository(verifier);
        s.setConfig("StrictHostKeyChecking", "yes");
        s.setConfig("prefer_known_host_key_types", "yes");
        // JSch would try every post-quantum and curve key exchange it proposes (key pairs made and thrown away) before
        // each connection, to drop those this JVM cannot do; all of them come with the jar (Bouncy Castle, Java 17's
        // XDH), so the check only costs ~25 ms of CPU per host
        s.setConfig("CheckKexes", "");
        s.setConfig("PreferredAuthentications",
                e.password() == null ? "publickey" : "publickey,keyboard-interactive,password");
        if (e.password() != null) {
            s.setPassword(e.password());
            s.setUserInfo(new PasswordAnswer(e.password()));
        }
        s.setDaemonThread(true);
        s.setThreadFactory(readers);
        try {
            if (!e.serverAliveInterval().isZero()) {
                s.setServerAliveInterval((int) e.serverAliveInterval().toMillis());
                s.setServerAliveCountMax(settings.serverAliveCountMax());
            }
            if (via != null) {
                s.setProxy(new BastionStream(via, e.hostname(), e.port()));
            }
            s.connect((int) Math.max(1, e.connectTimeout().toMillis()));
            return s;
        } catch (JSchException ex) {
            s.disconnect();
            throw new ConnectionException(e.name(), explain(e, ex, verifier), null);
        }
    }

    private Session bastion(SshEndpoint b, String forHost) throws ConnectionException {
        String key = b.sessionKey();
        synchronized (bastionLocks.computeIfAbsent(key, k -> new Object())) {
            Session s = bastions.get(key);
            if (s != null && s.isConnected()) {
                return s;
            }
            try {
                s = open(b);
            } catch (ConnectionException ex) {
                throw new ConnectionException(forHost, "jump host " + b.user() + "@" + b.hostname() + ":" + b.port()
                        + " is unreachable: " + ex.getMessage().substring(ex.getMessage().indexOf(": ") + 2));
            }
            bastions.put(key, s);
            return s;
        }
    }

    private KnownHostsFile knownHosts(SshEndpoint e) throws ConnectionException {
        Path path = e.knownHosts() == null ? Path.of("/dev/null") : e.knownHosts().toAbsolutePath();
        try {
            KnownHostsFile f = knownHostsFiles.get(path);
            if (f == null) {
                synchronized (knownHostsFiles) {
                    f = knownHostsFiles.get(path);
                    if (f == null) {
                        f = KnownHostsFile.read(path);
                        knownHostsFiles.put(path, f);
                    }
                }
            }
            return f;
        } catch (IOException ex) {
            throw new ConnectionException(e.name(), "cannot read known hosts " + path + ": " + ex.getMessage());
        }
    }

    private IdentityRepository identities(SshEndpoint e) throws ConnectionException {
        List<Identity> explicit = new ArrayList<>();
        for (Path p : e.identityFiles()) {
            try {
                explicit.add(keys.load(p));
            } catch (IOException ex) {
                throw new ConnectionException(e.name(), ex.getMessage());
            }
        }
        List<Identity> defaults = new ArrayList<>();
        for (Path p : settings.defaultIdentities()) {
            if (Files.isReadable(p)) {
                try {
                    defaults.add(keys.load(p));
                } catch (IOException unusable) {
                    // a default key that cannot be used is skipped, as ssh does
                }
            }
        }
        return new EndpointIdentities(explicit, agent(), defaults);
    }

    private IdentityRepository agent() {
        Path sock = settings.agentSocket();
        if (sock == null || !Files.exists(sock)) {
            return null;
        }
        try {
            return new AgentIdentityRepository(new SSHAgentConnector(new UnixDomainSocketFactory(), sock));
        } catch (AgentProxyException e) {
            return null;
        }
    }

    private static String explain(SshEndpoint e, JSchException ex, HostKeyVerifier verifier) {
        String where = e.user() + "@" + e.hostname() + ":" + e.port();
        if (ex instanceof JSchChangedHostKeyException || ex instanceof JSchUnknownHostKeyException
                || ex instanceof JSchHostKeyException) {
            return verifier.refusal() != null ? verifier.refusal() : "host key of " + where + " refused";
        }
        Throwable cause = ex.getCause();
        String msg = String.valueOf(ex.getMessage());
        if (cause instanceof ConnectException) {
            return "connection refused by " + e.hostname() + ":" + e.port() + " (no SSH server listening)";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host name " + e.hostname();
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to " + e.hostname();
        }
        if (cause instanceof SocketTimeoutException || msg.startsWith("timeout")) {
            return "no answer from " + e.hostname() + ":" + e.port() + " within " + e.connectTimeout().toSeconds()
                    + "s (connect timeout)";
        }
        if (msg.startsWith("Auth fail") || msg.startsWith("Auth cancel") || msg.contains("Too many authentication failures")) {
            return "authentication failed for " + where + " (offered: "
                    + (e.identityFiles().isEmpty() ? "" : "keys " + e.identityFiles() + ", ")
                    + "agent and default keys" + (e.password() == null ? "" : ", a password") + ")";
        }
        if (e.via() != null && msg.contains("channel is not opened")) {
            return "jump host " + e.via().hostname() + " could not open a stream to " + e.hostname() + ":" + e.port();
        }
        return "cannot connect to " + where + ": " + msg;
    }

    @Override
    public void close() {
        bastions.values().forEach(Session::disconnect);
        bastions.clear();
    }
}
