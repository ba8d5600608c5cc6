package dev.unwind.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real {@code sshd -D} of an {@link SshdFleet}: where it listens, the Ansible host variables to reach it,
 * and ways to break it on purpose (stop, kill its connections, freeze them, change its host key).
 */
public final class SshdHost {
    private final SshdFleet fleet;
    private final String name;
    private final String address;
    private final int port;
    private final Path dir;
    private final Path config;
    private Process sshd;

    SshdHost(SshdFleet fleet, String name, String address, Path dir, SshdFleet.Options options) throws IOException {
        this.fleet = fleet;
        this.name = name;
        this.address = address;
        this.dir = Files.createDirectories(dir);
        this.port = freePort(address);
        SshdFleet.keygen(dir.resolve("ssh_host_ed25519_key"), "ed25519", "");
        this.config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "ListenAddress " + address + ":" + port,
                "HostKey " + dir.resolve("ssh_host_ed25519_key"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + fleet.dir().resolve("authorized_keys"),
                "StrictModes no",
                "UsePAM no",
                "PubkeyAuthentication yes",
                "PasswordAuthentication " + (options.passwordAuthentication() ? "yes" : "no"),
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "MaxSessions " + options.maxSessions(),
                "MaxStartups 100:30:200",
                "AllowTcpForwarding yes",
                "Subsystem sftp internal-sftp",
                "PrintMotd no",
                "LogLevel VERBOSE",
                ""), StandardCharsets.UTF_8);
        start();
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(address, 0));
            return s.getLocalPort();
        }
    }

    /** (Re)starts this host's sshd on the same address, port and host key. */
    public synchronized void start() throws IOException {
        sshd = new ProcessBuilder(SshdFleet.SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sshd.log").toFile()))
                .start();
    }

    void awaitReady() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!sshd.isAlive()) {
                throw new IOException("sshd for " + name + " exited: " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 200);
                return;
            } catch (IOException notYet) {
                sleep(20);
            }
        }
        throw new IOException("sshd for " + name + " did not listen on " + address + ":" + port + ": " + log());
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    /** {@code [address]:port}, as known_hosts and JSch name this host. */
    public String hostKeyName() {
        return "[" + address + "]:" + port;
    }

    /** The variables an inventory would give this host. */
    public Map<String, Object> hostVars() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("ansible_host", address);
        v.put("ansible_port", port);
        v.put("ansible_user", TestUsers.loginUser());
        v.put("ansible_ssh_private_key_file", fleet.clientKey().toString());
        return v;
    }

    public String knownHostsLine() throws IOException {
        return hostKeyName() + " " + Files.readString(dir.resolve("ssh_host_ed25519_key.pub")).strip()
                .replaceAll("\\s+\\S+$", "");
    }

    /** Gives the host a new host key and restarts it, as a reinstalled (or impersonated) server would. */
    public synchronized void changeHostKey() throws IOException {
        stop();
        Files.delete(dir.resolve("ssh_host_ed25519_key"));
        Files.delete(dir.resolve("ssh_host_ed25519_key.pub"));
        SshdFleet.keygen(dir.resolve("ssh_host_ed25519_key"), "ed25519", "");
        start();
        awaitReady();
    }

    /** The sshd processes serving open connections (children of the listener). */
    public List<ProcessHandle> connectionProcesses() {
        Process p = sshd;
        return p == null ? List.of() : p.descendants().toList();
    }

    /** Kills the processes serving open connections: clients see the TCP connection drop at once. */
    public void killConnections() {
        connectionProcesses().forEach(ProcessHandle::destroyForcibly);
    }

    /** Stops (SIGSTOP) the processes serving open connections: the TCP stays up but nothing answers. */
    public void freezeConnections() {
        signalConnections("-STOP");
    }

    public void thawConnections() {
        signalConnections("-CONT");
    }

    private void signalConnections(String signal) {
        for (ProcessHandle h : connectionProcesses()) {
            TestUsers.run(List.of("kill", signal, Long.toString(h.pid())), null);
        }
    }

    /** Stops the listener and everything it serves; the address then refuses connections. */
    public synchronized void stop() {
        Process p = sshd;
        if (p == null) {
            return;
        }
        thawConnections();
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sshd = null;
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("sshd.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + "@" + address + ":" + port;
    }
}
