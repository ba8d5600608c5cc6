package dev.unwind.transport.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the transport finds the user's SSH files, and the limits it keeps per host.
 *
 * @param knownHosts          known_hosts to check host keys against (and append to under accept-new)
 * @param sshConfig           an OpenSSH client config, or null
 * @param agentSocket         the ssh-agent socket ({@code SSH_AUTH_SOCK}), or null
 * @param defaultIdentities   keys tried after the explicit ones and the agent's, when they exist
 * @param maxSessions         channels open at once per host; OpenSSH's MaxSessions defaults to 10
 * @param serverAliveInterval how often a silent connection is probed; zero turns probing off
 * @param serverAliveCountMax unanswered probes before the connection counts as lost
 * @param sshArgs             ansible.cfg's {@code [ssh_connection] ssh_args}: OpenSSH options every host starts from
 *                            (a host's {@code ansible_ssh_common_args} win over them), or null
 */
public record SshSettings(Path knownHosts, Path sshConfig, Path agentSocket, List<Path> defaultIdentities,
                          int maxSessions, Duration serverAliveInterval, int serverAliveCountMax, String sshArgs) {

    public SshSettings {
        defaultIdentities = List.copyOf(defaultIdentities);
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1, not " + maxSessions);
        }
    }

    /** The current user's {@code ~/.ssh} files and {@code SSH_AUTH_SOCK}. */
    public static SshSettings fromEnvironment() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        String sock = System.getenv("SSH_AUTH_SOCK");
        List<Path> ids = new ArrayList<>();
        for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
            ids.add(ssh.resolve(name));
        }
        Path config = ssh.resolve("config");
        return new SshSettings(ssh.resolve("known_hosts"), Files.isRegularFile(config) ? config : null,
                sock == null || sock.isBlank() ? null : Path.of(sock), ids, 10, Duration.ofSeconds(5), 2, null);
    }

    /** Files only from the arguments: nothing of the user's own SSH set-up leaks in (for tests and benchmarks). */
    public static SshSettings isolated(Path knownHosts) {
        return new SshSettings(knownHosts, null, null, List.of(), 10, Duration.ofSeconds(5), 2, null);
    }

    public SshSettings withKnownHosts(Path p) {
        return new SshSettings(p, sshConfig, agentSocket, defaultIdentities, maxSessions, serverAliveInterval, serverAliveCountMax, sshArgs);
    }

    public SshSettings withSshConfig(Path p) {
        return new SshSettings(knownHosts, p, agentSocket, defaultIdentities, maxSessions, serverAliveInterval, serverAliveCountMax, sshArgs);
    }

    public SshSettings withAgentSocket(Path p) {
        return new SshSettings(knownHosts, sshConfig, p, defaultIdentities, maxSessions, serverAliveInterval, serverAliveCountMax, sshArgs);
    }

    public SshSettings withMaxSessions(int n) {
        return new SshSettings(knownHosts, sshConfig, agentSocket, defaultIdentities, n, serverAliveInterval, serverAliveCountMax, sshArgs);
    }

    public SshSettings withServerAlive(Duration interval, int countMax) {
        return new SshSettings(knownHosts, sshConfig, agentSocket, defaultIdentities, maxSessions, interval, countMax, sshArgs);
    }

    public SshSettings withSshArgs(String args) {
        return new SshSettings(knownHosts, sshConfig, agentSocket, defaultIdentities, maxSessions, serverAliveInterval, serverAliveCountMax,
                args);
    }
}
