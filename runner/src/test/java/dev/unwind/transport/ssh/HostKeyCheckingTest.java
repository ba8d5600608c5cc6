package dev.unwind.transport.ssh;

import dev.unwind.module.Command;
import dev.unwind.module.ConnectionException;
import dev.unwind.testing.SshdFleet;
import dev.unwind.testing.SshdHost;
import dev.unwind.transport.TransportOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Host keys: strict by default, accept-new records, a changed key is always refused with the evidence. */
class HostKeyCheckingTest {
    SshdFleet fleet;
    SshdHost host;
    @TempDir
    Path tmp;

    @BeforeEach
    void startHost() {
        assumeTrue(SshdFleet.available(), "needs /usr/sbin/sshd (apt-get install -y openssh-server)");
        fleet = SshdFleet.start(1);
        host = fleet.host(0);
    }

    @AfterEach
    void stopHost() {
        if (fleet != null) {
            fleet.close();
        }
    }

    SshTransport transport(String checking, Path knownHosts) {
        return new SshTransport(new TransportOptions(null, null, null, checking, null, null, Duration.ofSeconds(5), 20),
                SshSettings.isolated(knownHosts));
    }

    String fingerprint() throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-l", "-f", fleet.dir().resolve("host1/ssh_host_ed25519_key.pub").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.split("\\s+")[1];
    }

    @Test
    void strictRefusesAnUnknownHostNamingItsFingerprint() throws Exception {
        Path empty = tmp.resolve("known_hosts");
        try (SshTransport t = transport("strict", empty)) {
            assertThatThrownBy(() -> t.connect("web", host.hostVars()))
                    .isInstanceOf(ConnectionException.class)
                    .hasMessageContaining(host.hostKeyName())
                    .hasMessageContaining(fingerprint())
                    .hasMessageContaining("accept-new");
        }
        assertThat(empty).doesNotExist();
    }

    @Test
    void acceptNewRecordsAnUnknownHostSoStrictAcceptsItAfterwards() throws Exception {
        Path known = tmp.resolve("ssh/known_hosts");
        try (SshTransport t = transport("accept-new", known)) {
            assertThat(t.connect("web", host.hostVars()).exec(Command.of("true")).ok()).isTrue();
        }
        assertThat(Files.readString(known)).startsWith(host.hostKeyName() + " ssh-ed25519 ");
        try (SshTransport t = transport("strict", known)) {
            assertThat(t.connect("web", host.hostVars()).exec(Command.of("true")).ok()).isTrue();
        }
    }

    @Test
    void aChangedKeyIsRefusedEvenUnderAcceptNewWithHostFingerprintAndLine() throws Exception {
        Path known = tmp.resolve("known_hosts");
        Files.writeString(known, "# first line is a comment\nother.example ssh-ed25519 "
                + "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n" + host.knownHostsLine() + "\n");
        host.changeHostKey();
        String newPrint = fingerprint();
        for (String policy : List.of("strict", "accept-new")) {
            try (SshTransport t = transport(policy, known)) {
                assertThatThrownBy(() -> t.connect("web", host.hostVars()))
                        .isInstanceOf(ConnectionException.class)
                        .hasMessageContaining("HOST KEY CHANGED")
                        .hasMessageContaining(host.hostKeyName())
                        .hasMessageContaining(newPrint)
                        .hasMessageContaining(known + ":3");
            }
        }
        assertThat(Files.readAllLines(known)).hasSize(3);
        try (SshTransport t = transport("off", known)) {
            assertThat(t.connect("web", host.hostVars()).exec(Command.of("true")).ok()).isTrue();
        }
    }

    @Test
    void findsHashedEntries() throws Exception {
        Path known = tmp.resolve("known_hosts");
        Files.writeString(known, host.knownHostsLine() + "\n");
        Process p = new ProcessBuilder("ssh-keygen", "-H", "-f", known.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        assertThat(Files.readString(known)).startsWith("|1|").doesNotContain(host.address());
        try (SshTransport t = transport("strict", known)) {
            assertThat(t.connect("web", host.hostVars()).exec(Command.of("true")).ok()).isTrue();
        }
    }

    @Test
    void anUnknownPolicyIsAnErrorNotASilentNo() {
        assertThatThrownBy(() -> transport("maybe", tmp.resolve("k")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strict, accept-new, off");
        Map<String, Object> vars = new HashMap<>(host.hostVars());
        vars.put("ansible_ssh_common_args", "-o StrictHostKeyChecking=perhaps");
        try (SshTransport t = transport("strict", fleet.knownHosts())) {
            assertThatThrownBy(() -> t.connect("web", vars)).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("perhaps");
        }
    }
}
