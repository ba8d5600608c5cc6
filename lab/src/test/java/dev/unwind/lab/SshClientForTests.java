package dev.unwind.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * A plain SSH client (MINA's) for the lab's own tests: logs in with the lab's key, checks the host key
 * against the lab's known_hosts, runs one command. (Playbooks over the lab run from runner's tests.)
 */
final class SshClientForTests implements AutoCloseable {
    private final SshClient client;
    private final LabCluster lab;

    SshClientForTests(LabCluster lab) throws Exception {
        this.lab = lab;
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, lab.knownHosts()));
        client.start();
    }

    record Result(int exit, String out, String err) {
    }

    Result run(String node, String command) throws Exception {
        LabNode n = lab.node(node);
        try (ClientSession s = client.connect(lab.sshUser(), n.address(), n.port()).verify(Duration.ofSeconds(5)).getSession()) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, null,
                    java.nio.file.Files.newInputStream(lab.clientKey()), FilePasswordProvider.EMPTY);
            keys.forEach(s::addPublicKeyIdentity);
            s.auth().verify(Duration.ofSeconds(5));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (ChannelExec ch = s.createExecChannel(command)) {
                ch.setOut(out);
                ch.setErr(err);
                ch.open().verify(Duration.ofSeconds(5));
                ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(30));
                Integer code = ch.getExitStatus();
                return new Result(code == null ? -1 : code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public void close() throws IOException {
        client.stop();
    }
}
