package dev.unwind.transport.ssh;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.testing.SshdFleet;
import dev.unwind.testing.SshdHost;
import dev.unwind.testing.TestUsers;
import dev.unwind.transport.TransportOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Commands, reuse, concurrency and file transfer against real OpenSSH servers. */
class SshTransportTest {
    static SshdFleet fleet;

    @BeforeAll
    static void startHosts() {
        assumeTrue(SshdFleet.available(), "needs /usr/sbin/sshd (apt-get install -y openssh-server)");
        fleet = SshdFleet.start(SshdFleet.options(2).withPasswordAuthentication(true));
    }

    @AfterAll
    static void stopHosts() {
        if (fleet != null) {
            fleet.close();
        }
    }

    static TransportOptions options() {
        return new TransportOptions(null, null, null, "strict", null, null, Duration.ofSeconds(5), 20);
    }

    SshTransport transport() {
        return new SshTransport(options(), SshSettings.isolated(fleet.knownHosts()));
    }

    @Test
    void runsACommandKeepingExitStatusStdoutAndStderrApart() throws Exception {
        try (SshTransport t = transport()) {
            Connection c = t.connect("host1", fleet.host(0).hostVars());
            ExecResult r = c.exec(Command.of("echo out; echo err >&2; exit 3"));
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.stdout()).isEqualTo("out\n");
            assertThat(r.stderr()).isEqualTo("err\n");
            assertThat(c.exec(Command.of("id -un")).stdout().strip()).isEqualTo(TestUsers.loginUser());
        }
    }

    @Test
    void passesStdinAndQuotesEveryArgument() throws Exception {
        try (SshTransport t = transport()) {
            Connection c = t.connect("host1", fleet.host(0).hostVars());
            assertThat(c.exec(Command.of("tr a-z A-Z").withStdin("hello\n".getBytes())).stdout()).isEqualTo("HELLO\n");
            String tricky = "it's $HOME `x` \"q\" ; rm -rf /nonexistent";
            assertThat(c.exec(Command.argv(List.of("printf", "%s", tricky))).stdout()).isEqualTo(tricky);
        }
    }

    @Test
    void reusesOneSessionPerHostForEveryCommand() throws Exception {
        try (SshTransport t = transport()) {
            Connection first = t.connect("host1", fleet.host(0).hostVars());
            for (int i = 0; i < 20; i++) {
                assertThat(first.exec(Command.of("true")).ok()).isTrue();
            }
            assertThat(t.connect("host1", fleet.host(0).hostVars())).isSameAs(first);
            // one network connection: sshd forks a privileged monitor and an unprivileged child per connection
            long clientPorts = first.exec(Command.of("echo $SSH_CLIENT")).stdout().lines().count();
            assertThat(clientPorts).isEqualTo(1);
            String a = first.exec(Command.of("echo $SSH_CLIENT")).stdout();
            String b = first.exec(Command.of("echo $SSH_CLIENT")).stdout();
            assertThat(a).isEqualTo(b);
        }
    }

    @Test
    void queuesCommandsBeyondMaxSessionsInsteadOfFailing() throws Exception {
        int commands = 35;
        try (SshTransport t = transport(); ExecutorClose pool = new ExecutorClose(Executors.newFixedThreadPool(commands))) {
            Connection c = t.connect("host1", fleet.host(0).hostVars());
            long start = System.nanoTime();
            List<Future<ExecResult>> results = new ArrayList<>();
            for (int i = 0; i < commands; i++) {
                results.add(pool.service.submit(() -> c.exec(Command.of("sleep 0.3; echo done"))));
            }
            for (Future<ExecResult> f : results) {
                ExecResult r = f.get();
                assertThat(r.exitCode()).as(r.stderr()).isZero();
                assertThat(r.stdout()).isEqualTo("done\n");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // 35 commands, at most 10 at a time: at least four waves of 0.3 s
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1150));
        }
    }

    @Test
    void honoursAConfigurableChannelLimit() throws Exception {
        try (SshTransport t = new SshTransport(options(), SshSettings.isolated(fleet.knownHosts()).withMaxSessions(2));
             ExecutorClose pool = new ExecutorClose(Executors.newFixedThreadPool(6))) {
            Connection c = t.connect("host1", fleet.host(0).hostVars());
            long start = System.nanoTime();
            List<Future<ExecResult>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.service.submit(() -> c.exec(Command.of("sleep 0.3"))));
            }
            for (Future<ExecResult> f : results) {
                assertThat(f.get().ok()).isTrue();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(850));
        }
    }

    @Test
    void movesA100MegabyteFileBothWaysIntact(@TempDir Path tmp) throws Exception {
        byte[] content = new byte[100 * 1024 * 1024];
        new Random(42).nextBytes(content);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        try (SshTransport t = transport()) {
            Connection c = t.connect("host1", fleet.host(0).hostVars());
            String remote = "/tmp/unwind-big-" + System.nanoTime();
            try {
                c.put(content, remote, "0640");
                ExecResult sum = c.exec(Command.of("sha256sum " + remote + " && stat -c %a " + remote));
                assertThat(sum.stdout()).startsWith(sha).endsWith("640\n");
                byte[] back = c.get(remote).orElseThrow();
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(back))).isEqualTo(sha);
                assertThat(c.exec(Command.of("ls " + remote + ".unwind.* 2>/dev/null | wc -l")).stdout().strip())
                        .as("no temporary file left beside the target").isEqualTo("0");
            } finally {
                c.exec(Command.of("rm -f " + remote));
            }
        }
    }

    @Test
    void smallAndLargeWritesKeepTheModeOfTheFileTheyReplace() throws Exception {
        try (SshTransport t = transport()) {
            Connection c = t.connect("host1", fleet.host(0).hostVars());
            String remote = "/tmp/unwind-mode-" + System.nanoTime();
            try {
                c.put("first", remote, "0600");
                c.put(new byte[200_000], remote, null);
                assertThat(c.exec(Command.of("stat -c %a:%s " + remote)).stdout().strip()).isEqualTo("600:200000");
                c.put("small", remote, null);
                assertThat(c.exec(Command.of("stat -c %a " + remote)).stdout().strip()).isEqualTo("600");
                assertThat(c.get(remote)).hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("small"));
                assertThat(c.get(remote + ".absent")).isEmpty();
            } finally {
                c.exec(Command.of("rm -f " + remote));
            }
        }
    }

    @Test
    void timesOutACommandAndKeepsTheConnection() throws Exception {
        try (SshTransport t = transport()) {
            Connection c = t.connect("host1", fleet.host(0).hostVars());
            long start = System.nanoTime();
            ExecResult r = c.exec(Command.of("echo started; sleep 30").withTimeout(Duration.ofSeconds(1)));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(r.exitCode()).isEqualTo(124);
            assertThat(r.stdout()).isEqualTo("started\n");
            assertThat(r.stderr()).contains("timed out after 1s");
            assertThat(c.exec(Command.of("echo still here")).stdout()).isEqualTo("still here\n");
        }
    }

    @Test
    void logsInWithAPasswordAndNeverShowsIt() throws Exception {
        assumeTrue(TestUsers.canCreate(), "password login needs the test user with a known password (run as root)");
        Map<String, Object> vars = new java.util.HashMap<>(fleet.host(1).hostVars());
        vars.remove("ansible_ssh_private_key_file");
        vars.put("ansible_password", TestUsers.PASSWORD);
        try (SshTransport t = transport()) {
            Connection c = t.connect("host2", vars);
            assertThat(c.exec(Command.of("id -un")).stdout().strip()).isEqualTo(TestUsers.loginUser());
        }
        vars.put("ansible_password", "wrong-secret-value");
        try (SshTransport t = transport()) {
            assertThatThrownBy(() -> t.connect("host2", vars))
                    .isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("authentication failed")
                    .hasMessageNotContaining("wrong-secret-value");
        }
    }

    @Test
    void logsInWithEd25519EcdsaAndRsaKeysIncludingAnEncryptedOne(@TempDir Path tmp) throws Exception {
        for (String type : List.of("ecdsa", "rsa")) {
            Path key = fleet.newClientKey("client_" + type + "_" + System.nanoTime(), type, "");
            fleet.authorize(Path.of(key + ".pub"));
            Map<String, Object> vars = new java.util.HashMap<>(fleet.host(0).hostVars());
            vars.put("ansible_ssh_private_key_file", key.toString());
            try (SshTransport t = transport()) {
                assertThat(t.connect("host1", vars).exec(Command.of("echo " + type)).stdout()).isEqualTo(type + "\n");
            }
        }
        Path encrypted = fleet.newClientKey("client_enc_" + System.nanoTime(), "ed25519", "correct horse");
        fleet.authorize(Path.of(encrypted + ".pub"));
        Map<String, Object> vars = new java.util.HashMap<>(fleet.host(0).hostVars());
        vars.put("ansible_ssh_private_key_file", encrypted.toString());
        Path passphrase = tmp.resolve("passphrase");
        Files.writeString(passphrase, "correct horse\n");
        TransportOptions withPassphrase = new TransportOptions(null, null, passphrase, "strict", null, null,
                Duration.ofSeconds(5), 20);
        try (SshTransport t = new SshTransport(withPassphrase, SshSettings.isolated(fleet.knownHosts()))) {
            assertThat(t.connect("host1", vars).exec(Command.of("true")).ok()).isTrue();
        }
        try (SshTransport t = transport()) {
            assertThatThrownBy(() -> t.connect("host1", vars)).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("is encrypted").hasMessageContaining("--key-passphrase-file");
        }
        Files.writeString(passphrase, "wrong horse\n");
        try (SshTransport t = new SshTransport(withPassphrase, SshSettings.isolated(fleet.knownHosts()))) {
            assertThatThrownBy(() -> t.connect("host1", vars)).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("does not decrypt").hasMessageNotContaining("wrong horse");
        }
    }

    @Test
    void logsInWithAKeyHeldByAnSshAgent(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-agent")), "needs ssh-agent (openssh-client)");
        Path sock = tmp.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(sock); i++) {
                Thread.sleep(20);
            }
            ProcessBuilder add = new ProcessBuilder("ssh-add", fleet.clientKey().toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            assertThat(add.start().waitFor()).isZero();
            Map<String, Object> vars = new java.util.HashMap<>(fleet.host(0).hostVars());
            vars.remove("ansible_ssh_private_key_file");
            try (SshTransport t = new SshTransport(options(),
                    SshSettings.isolated(fleet.knownHosts()).withAgentSocket(sock))) {
                assertThat(t.connect("host1", vars).exec(Command.of("echo via agent")).stdout()).isEqualTo("via agent\n");
            }
            try (SshTransport t = transport()) {
                assertThatThrownBy(() -> t.connect("host1", vars)).isInstanceOf(ConnectionException.class)
                        .hasMessageContaining("authentication failed");
            }
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    @Test
    void followsSshConfigForHostNamePortUserAndIdentityFile(@TempDir Path tmp) throws Exception {
        SshdHost h = fleet.host(1);
        Path config = tmp.resolve("config");
        Files.writeString(config, "Host db-primary\n  HostName " + h.address() + "\n  Port " + h.port() + "\n  User "
                + TestUsers.loginUser() + "\n  IdentityFile " + fleet.clientKey() + "\n  ServerAliveInterval 7\n",
                StandardCharsets.UTF_8);
        try (SshTransport t = new SshTransport(options(), SshSettings.isolated(fleet.knownHosts()).withSshConfig(config))) {
            Connection c = t.connect("db-primary", Map.of());
            assertThat(c.exec(Command.of("echo $SSH_CONNECTION")).stdout()).contains(h.address() + " " + h.port());
        }
    }

    /** try-with-resources for an executor on Java 17. */
    record ExecutorClose(ExecutorService service) implements AutoCloseable {
        @Override
        public void close() {
            service.shutdownNow();
        }
    }
}
