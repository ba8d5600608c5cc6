package dev.unwind.transport.ssh;

import dev.unwind.module.Become;
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

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** sudo with and without a password, and hosts reached through a jump host. */
class BecomeAndJumpTest {
    static SshdFleet fleet;

    @BeforeAll
    static void startHosts() {
        assumeTrue(SshdFleet.available(), "needs /usr/sbin/sshd (apt-get install -y openssh-server)");
        fleet = SshdFleet.start(3);
    }

    @AfterAll
    static void stopHosts() {
        if (fleet != null) {
            fleet.close();
        }
    }

    SshTransport transport(String becomePassword) {
        return new SshTransport(new TransportOptions(null, null, null, "strict", null, becomePassword,
                Duration.ofSeconds(5), 20), SshSettings.isolated(fleet.knownHosts()));
    }

    static void assumeSudo() {
        assumeTrue(TestUsers.canCreate(), "sudo tests need the test users (run as root)");
        assumeTrue(TestUsers.sudoInstalled(), "needs sudo (apt-get install -y sudo)");
    }

    @Test
    void becomesRootWithSudoNonInteractively() throws Exception {
        assumeSudo();
        try (SshTransport t = transport(null)) {
            Connection root = t.connect("h1", fleet.host(0).hostVars()).becoming(new Become("root", null));
            ExecResult r = root.exec(Command.of("id -un; echo $HOME").withStdin("x".getBytes()));
            assertThat(r.stdout()).isEqualTo("root\n/root\n");
            String path = "/root/unwind-become-" + System.nanoTime();
            root.put("secret", path, "0600");
            assertThat(root.exec(Command.of("stat -c %U:%a " + path + "; rm " + path)).stdout()).isEqualTo("root:600\n");
        }
    }

    @Test
    void aPasswordSudoDoesNotAskForNeverReachesTheCommandsStdin() throws Exception {
        assumeSudo();
        Map<String, Object> vars = new HashMap<>(fleet.host(0).hostVars());
        vars.put("ansible_user", TestUsers.PLAIN);
        try (SshTransport t = transport(null)) {
            // PLAIN has NOPASSWD sudo: sudo never asks, so the password must not leak into `cat`
            Connection root = t.connect("h1", vars).becoming(new Become("root", TestUsers.PASSWORD));
            ExecResult r = root.exec(Command.of("id -un; cat").withStdin("payload".getBytes()));
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout()).isEqualTo("root\npayload").doesNotContain(TestUsers.PASSWORD);
        }
    }

    @Test
    void feedsTheSudoPasswordOnStdinNeverOnTheCommandLine() throws Exception {
        assumeSudo();
        Map<String, Object> vars = new HashMap<>(fleet.host(0).hostVars());
        vars.put("ansible_user", TestUsers.SUDO_PASSWORD);
        try (SshTransport t = transport(null)) {
            Connection plain = t.connect("h1", vars);
            ExecResult refused = plain.becoming(new Become("root", null)).exec(Command.of("id -un"));
            assertThat(refused.ok()).isFalse();
            assertThat(refused.stderr()).contains("password is required");

            Connection root = plain.becoming(new Become("root", TestUsers.PASSWORD));
            String half = TestUsers.PASSWORD.substring(0, 5);
            String rest = TestUsers.PASSWORD.substring(5);
            // the pattern is assembled by the shell, so only grep's own argv holds the whole password text
            // every command line on the machine is listed first, then searched, so grep's own is never counted
            ExecResult r = root.exec(Command.of("id -un; f=$(mktemp); ps -eo args > \"$f\"; grep -c -- \"$(printf %s%s '"
                    + half + "' '" + rest + "')\" \"$f\" || true; rm -f \"$f\"; cat")
                    .withStdin("payload".getBytes()));
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout()).isEqualTo("root\n0\npayload");
            assertThat(Command.of("true").withBecome(new Become("root", TestUsers.PASSWORD)).effectiveScript())
                    .doesNotContain(TestUsers.PASSWORD);

            ExecResult wrong = plain.becoming(new Become("root", "not-the-password")).exec(Command.of("id -un"));
            assertThat(wrong.ok()).isFalse();
        }
        vars.put("ansible_become_password", TestUsers.PASSWORD);
        try (SshTransport t = transport(null)) {
            Connection root = t.connect("h1", vars).becoming(new Become("root", null));
            assertThat(root.exec(Command.of("id -un")).stdout()).isEqualTo("root\n");
        }
    }

    @Test
    void reachesHostsThroughOneSharedJumpHostSession() throws Exception {
        SshdHost bastion = fleet.host(0);
        String jump = TestUsers.loginUser() + "@" + bastion.address() + ":" + bastion.port();
        try (SshTransport t = transport(null)) {
            for (SshdHost target : List.of(fleet.host(1), fleet.host(2))) {
                Map<String, Object> vars = new HashMap<>(target.hostVars());
                vars.put("ansible_ssh_common_args", "-o ProxyJump=" + jump);
                Connection c = t.connect(target.name(), vars);
                // the target sees its client coming from the bastion's sshd, not from us
                String client = c.exec(Command.of("echo $SSH_CONNECTION")).stdout().strip();
                assertThat(client).endsWith(target.address() + " " + target.port());
                long clientPort = Long.parseLong(client.split(" ")[1]);
                assertThat(ownerOfLocalPort(clientPort)).as("process owning the client end")
                        .isIn(pids(bastion));
            }
            // both targets share one connection to the bastion: one privileged sshd child serves it
            assertThat(bastion.connectionProcesses().stream()
                    .filter(p -> p.parent().map(pp -> pp.pid()).orElse(-1L) == bastionListener(bastion)).count())
                    .isEqualTo(1);
        }
    }

    @Test
    void acceptsJumpHostsFromDashJAndFromABastionMap() throws Exception {
        SshdHost bastion = fleet.host(0);
        SshdHost target = fleet.host(1);
        try (SshTransport t = transport(null)) {
            Map<String, Object> vars = new HashMap<>(target.hostVars());
            vars.put("ansible_ssh_common_args", "-J " + TestUsers.loginUser() + "@" + bastion.address() + ":" + bastion.port());
            assertThat(t.connect("a", vars).exec(Command.of("true")).ok()).isTrue();
        }
        try (SshTransport t = transport(null)) {
            Map<String, Object> vars = new HashMap<>(target.hostVars());
            vars.put("bastion", Map.of("address", bastion.address(), "port", bastion.port(), "user", TestUsers.loginUser(),
                    "keyPath", fleet.clientKey().toString()));
            assertThat(t.connect("b", vars).exec(Command.of("true")).ok()).isTrue();
        }
    }

    @Test
    void anUnreachableJumpHostIsNamed() {
        SshdHost target = fleet.host(1);
        Map<String, Object> vars = new HashMap<>(target.hostVars());
        vars.put("ansible_ssh_common_args", "-J " + TestUsers.loginUser() + "@" + target.address() + ":1");
        try (SshTransport t = transport(null)) {
            assertThatThrownBy(() -> t.connect("behind", vars)).isInstanceOf(ConnectionException.class)
                    .hasMessageStartingWith("behind: jump host")
                    .hasMessageContaining("connection refused");
        }
    }

    private static long bastionListener(SshdHost h) {
        return h.connectionProcesses().stream().map(p -> p.parent().orElseThrow().pid())
                .min(Long::compare).orElse(-1L);
    }

    private static List<Long> pids(SshdHost h) {
        return h.connectionProcesses().stream().map(ProcessHandle::pid).toList();
    }

    /** The pid of the process whose TCP socket has local port {@code port} (from {@code ss}). */
    private static long ownerOfLocalPort(long port) throws Exception {
        Process p = new ProcessBuilder("ss", "-tnpH", "sport = :" + port).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pid=(\\d+)").matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
