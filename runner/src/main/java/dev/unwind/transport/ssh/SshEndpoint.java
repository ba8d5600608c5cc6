package dev.unwind.transport.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything needed to open one authenticated SSH session: where, as whom, with which keys, how host
 * keys are checked, and the jump host in front of it (null when direct). {@link #toString()} hides the password.
 */
record SshEndpoint(String name, String hostname, int port, String user, List<Path> identityFiles, String password,
                   HostKeyChecking hostKeyChecking, Path knownHosts, Duration connectTimeout,
                   Duration serverAliveInterval, SshEndpoint via) {

    SshEndpoint {
        identityFiles = List.copyOf(identityFiles);
    }

    /** The name known_hosts uses for this host: {@code host} on port 22, {@code [host]:port} otherwise. */
    String hostKeyName() {
        return port == 22 ? hostname : "[" + hostname + "]:" + port;
    }

    /** Identifies a session that can be shared: same place, same user, same route. */
    String sessionKey() {
        return user + "@" + hostname + ":" + port + (via == null ? "" : " via " + via.sessionKey());
    }

    @Override
    public String toString() {
        return "SshEndpoint[" + sessionKey() + (password == null ? "" : ", password=********") + "]";
    }
}
