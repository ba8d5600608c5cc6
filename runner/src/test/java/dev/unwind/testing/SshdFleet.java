package dev.unwind.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * N real OpenSSH servers on loopback, for tests and benchmarks. Each host gets its own 127.x.y.z address
 * (random x.y, so parallel test runs on one machine do not meet), a free port and its own ed25519 host key;
 * all accept one client key for {@link TestUsers#loginUser()}. {@link #knownHosts()} lists every host key.
 *
 * <pre>{@code
 * try (SshdFleet fleet = SshdFleet.start(3)) {
 *     Map<String, Object> vars = fleet.host(0).hostVars();   // ansible_host, ansible_port, ansible_user, key
 *     ...
 * }
 * }</pre>
 *
 * Needs {@code /usr/sbin/sshd} (Debian package openssh-server) and {@code ssh-keygen}; see {@link #available()}.
 */
public final class SshdFleet implements AutoCloseable {
    public static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Path dir;
    private final Path clientKey;
    private final Path knownHosts;
    private final List<SshdHost> hosts = new ArrayList<>();

    /** Options for the servers of one fleet. */
    public record Options(int hosts, boolean passwordAuthentication, int maxSessions) {
        public Options withPasswordAuthentication(boolean on) {
            return new Options(hosts, on, maxSessions);
        }

        public Options withMaxSessions(int n) {
            return new Options(hosts, passwordAuthentication, n);
        }
    }

    public static Options options(int hosts) {
        return new Options(hosts, false, 10);
    }

    /** Whether real sshd hosts can run here; tests call this in an assumption. */
    public static boolean available() {
        return Files.isExecutable(SSHD) && Files.isExecutable(Path.of("/usr/bin/ssh-keygen"));
    }

    public static SshdFleet start(int hosts) {
        return start(options(hosts));
    }

    public static SshdFleet start(Options options) {
        TestUsers.ensure();
        try {
            return new SshdFleet(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SshdFleet(Options options) throws IOException {
        dir = Files.createTempDirectory("unwind-sshd-");
        // sshd reads authorized_keys as the login user: the directory must be readable for it
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(Path.of("/run/sshd"));
        clientKey = dir.resolve("client_ed25519");
        keygen(clientKey, "ed25519", "");
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(dir.resolve("client_ed25519.pub"), authorized);
        Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-r--r--"));
        knownHosts = dir.resolve("known_hosts");
        int second = ThreadLocalRandom.current().nextInt(16, 250);
        int third = ThreadLocalRandom.current().nextInt(0, 256);
        try {
            for (int i = 0; i < options.hosts(); i++) {
                String address = "127." + second + "." + third + "." + (i + 1);
                hosts.add(new SshdHost(this, "host" + (i + 1), address, dir.resolve("host" + (i + 1)), options));
            }
            for (SshdHost h : hosts) {
                h.awaitReady();
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        writeKnownHosts();
    }

    /** Rewrites {@link #knownHosts()} from the hosts' current keys. */
    public void writeKnownHosts() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (SshdHost h : hosts) {
            sb.append(h.knownHostsLine()).append('\n');
        }
        Files.writeString(knownHosts, sb.toString(), StandardCharsets.UTF_8);
    }

    public List<SshdHost> hosts() {
        return List.copyOf(hosts);
    }

    public SshdHost host(int i) {
        return hosts.get(i);
    }

    public Path dir() {
        return dir;
    }

    /** The unencrypted ed25519 key every host accepts. */
    public Path clientKey() {
        return clientKey;
    }

    /** A known_hosts file naming every host's key ({@code [address]:port ssh-ed25519 ...}). */
    public Path knownHosts() {
        return knownHosts;
    }

    /** Adds a public key (from a {@code .pub} file) that every host accepts. */
    public void authorize(Path publicKey) throws IOException {
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(publicKey), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** An Ansible INI inventory of the fleet. */
    public String inventoryIni() {
        StringBuilder sb = new StringBuilder("[fleet]\n");
        for (SshdHost h : hosts) {
            sb.append(h.name()).append(" ansible_host=").append(h.address()).append(" ansible_port=").append(h.port())
                    .append(" ansible_user=").append(TestUsers.loginUser())
                    .append(" ansible_ssh_private_key_file=").append(clientKey).append('\n');
        }
        return sb.toString();
    }

    static void keygen(Path key, String type, String passphrase) throws IOException {
        List<String> argv = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "unwind-test",
                "-f", key.toString()));
        if (type.equals("rsa")) {
            argv.addAll(List.of("-b", "2048"));
        }
        if (TestUsers.run(argv, null) != 0) {
            throw new IOException("ssh-keygen -t " + type + " " + key + " failed");
        }
    }

    /** Makes a new client key pair of {@code type} under this fleet's directory (not yet authorized). */
    public Path newClientKey(String name, String type, String passphrase) throws IOException {
        Path key = dir.resolve(name);
        keygen(key, type, passphrase);
        return key;
    }

    @Override
    public void close() {
        for (SshdHost h : hosts) {
            h.stop();
        }
        deleteTree(dir);
    }

    private static void deleteTree(Path p) {
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
