package dev.unwind.transport.ssh;

import dev.unwind.testing.SshdFleet;
import dev.unwind.module.ConnectionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ansible.cfg's {@code [ssh_connection] ssh_args} reach every host as the OpenSSH options the transport maps; a host's
 * own {@code ansible_ssh_common_args} (and {@code ansible_port}) win over them; ControlMaster/ControlPersist/ControlPath
 * are taken without effect (one session per host is kept for the run anyway).
 */
class SshArgsTest {
    static SshdFleet fleet;

    @BeforeAll
    static void startHosts() {
        assumeTrue(SshdFleet.available(), "needs /usr/sbin/sshd (apt-get install -y openssh-server)");
        fleet = SshdFleet.start(1);
    }

    @AfterAll
    static void stopHosts() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static SshTransport transport(String sshArgs) {
        return new SshTransport(SshTransportTest.options(), SshSettings.isolated(fleet.knownHosts()).withSshArgs(sshArgs));
    }

    /** The host's variables without its port: the port is what the options give. */
    private static Map<String, Object> withoutPort() {
        Map<String, Object> vars = new LinkedHashMap<>(fleet.host(0).hostVars());
        vars.remove("ansible_port");
        return vars;
    }

    @Test
    void thePortAndOtherOptionsOfSshArgsReachTheHost() throws Exception {
        Object port = fleet.host(0).hostVars().get("ansible_port");
        try (SshTransport t = transport("-C -o ControlMaster=auto -o ControlPersist=60s -o ControlPath=/tmp/x-%h -o Port=" + port
                + " -o ServerAliveInterval=3")) {
            assertThat(t.connect("host1", withoutPort()).exec(dev.unwind.module.Command.of("echo hi")).stdout()).isEqualTo("hi\n");
        }
    }

    @Test
    void aHostsOwnCommonArgsAndPortWinOverSshArgs() throws Exception {
        Object port = fleet.host(0).hostVars().get("ansible_port");
        Map<String, Object> common = withoutPort();
        common.put("ansible_ssh_common_args", "-o Port=" + port);
        try (SshTransport t = transport("-o Port=1")) {
            assertThat(t.connect("host1", common).exec(dev.unwind.module.Command.of("echo a")).stdout()).isEqualTo("a\n");
            assertThat(t.connect("host1", fleet.host(0).hostVars()).exec(dev.unwind.module.Command.of("echo b")).stdout()).isEqualTo("b\n");
        }
        // and the options are used: on port 1 nothing answers
        try (SshTransport t = transport("-o Port=1 -o ConnectTimeout=2")) {
            assertThatThrownBy(() -> t.connect("host1", withoutPort())).isInstanceOf(ConnectionException.class);
        }
        try (SshTransport t = transport("-o Port")) {
            assertThat(t.connect("host1", fleet.host(0).hostVars()).exec(dev.unwind.module.Command.of("echo c")).stdout()).isEqualTo("c\n");
        }
    }
}
