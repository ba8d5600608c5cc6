package dev.unwind.transport.ssh;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.testing.SshdFleet;
import dev.unwind.testing.SshdHost;
import dev.unwind.transport.TransportOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Unreachable is not failed: a down host, a killed connection and a silent one are each named for what they are. */
class ConnectionFailureTest {
    SshdFleet fleet;

    @BeforeEach
    void startHosts() {
        assumeTrue(SshdFleet.available(), "needs /usr/sbin/sshd (apt-get install -y openssh-server)");
        fleet = SshdFleet.start(1);
    }

    @AfterEach
    void stopHosts() {
        if (fleet != null) {
            fleet.close();
        }
    }

    SshTransport transport(SshSettings settings) {
        return new SshTransport(new TransportOptions(null, null, null, "strict", null, null, Duration.ofSeconds(5), 20),
                settings);
    }

    @Test
    void aHostThatIsDownIsUnreachableAtOnce() {
        SshdHost h = fleet.host(0);
        h.stop();
        try (SshTransport t = transport(SshSettings.isolated(fleet.knownHosts()))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> t.connect("down", h.hostVars()))
                    .isInstanceOf(ConnectionException.class)
                    .hasMessageStartingWith("down: ")
                    .hasMessageContaining("connection refused by " + h.address() + ":" + h.port());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aConnectionKilledMidCommandIsReportedLostAndTheNextConnectReconnects() throws Exception {
        SshdHost h = fleet.host(0);
        try (SshTransport t = transport(SshSettings.isolated(fleet.knownHosts()))) {
            Connection c = t.connect("web", h.hostVars());
            CompletableFuture<ExecResult> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return c.exec(Command.of("sleep 60"));
                } catch (ConnectionException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            Thread.sleep(500);
            long start = System.nanoTime();
            h.killConnections();
            assertThatThrownBy(() -> running.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ConnectionException.class).hasMessageContaining("connection lost");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThatThrownBy(() -> c.exec(Command.of("true"))).isInstanceOf(ConnectionException.class);
            Connection again = t.connect("web", h.hostVars());
            assertThat(again).isNotSameAs(c);
            assertThat(again.exec(Command.of("echo back")).stdout()).isEqualTo("back\n");
        }
    }

    @Test
    void aConnectionThatFallsSilentIsDetectedByKeepaliveWithinSeconds() throws Exception {
        SshdHost h = fleet.host(0);
        SshSettings quick = SshSettings.isolated(fleet.knownHosts()).withServerAlive(Duration.ofSeconds(1), 2);
        try (SshTransport t = transport(quick)) {
            Connection c = t.connect("web", h.hostVars());
            assertThat(c.exec(Command.of("true")).ok()).isTrue();
            CompletableFuture<ExecResult> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return c.exec(Command.of("sleep 60"));
                } catch (ConnectionException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            Thread.sleep(300);
            long start = System.nanoTime();
            h.freezeConnections();
            try {
                assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(ConnectionException.class).hasMessageContaining("connection lost");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
            } finally {
                h.thawConnections();
            }
        }
    }

    @Test
    void anAddressNobodyAnswersTimesOutAfterTheConnectTimeout() {
        // a listening socket with a full backlog is hard to make portable; a frozen sshd never sends its banner
        SshdHost h = fleet.host(0);
        java.util.Map<String, Object> vars = new java.util.HashMap<>(h.hostVars());
        vars.put("ansible_ssh_timeout", 1);
        try (SshTransport t = transport(SshSettings.isolated(fleet.knownHosts()))) {
            ProcessHandle listener = ProcessHandle.of(Long.parseLong(readPid(h))).orElseThrow();
            signal(listener, "-STOP");
            try {
                long start = System.nanoTime();
                assertThatThrownBy(() -> t.connect("web", vars)).isInstanceOf(ConnectionException.class)
                        .hasMessageContaining("within 1s");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            } finally {
                signal(listener, "-CONT");
            }
        }
    }

    private String readPid(SshdHost h) {
        try {
            return java.nio.file.Files.readString(fleet.dir().resolve(h.name()).resolve("sshd.pid")).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void signal(ProcessHandle p, String sig) {
        try {
            new ProcessBuilder("kill", sig, Long.toString(p.pid())).start().waitFor();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
