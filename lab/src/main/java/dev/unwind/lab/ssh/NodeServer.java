package dev.unwind.lab.ssh;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/** One lab node's SSH server on its own loopback address. Only the lab's client key, as one user, logs in. */
public final class NodeServer implements AutoCloseable {
    private final SshServer sshd;
    private final String address;

    private NodeServer(SshServer sshd, String address) {
        this.sshd = sshd;
        this.address = address;
    }

    public static NodeServer start(String address, KeyPair hostKey, PublicKey clientKey, String user, NodeShell shell,
                                   CommandFaults faults, ExecutorService pumps) throws IOException {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost(address);
        sshd.setPort(0);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(List.of(hostKey)));
        sshd.setPublickeyAuthenticator((name, key, session) -> name.equals(user) && KeyUtils.compareKeys(key, clientKey));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setCommandFactory((channel, command) -> new SandboxCommand(command, shell, faults, pumps));
        // file transfers (fetch) go over SFTP; the playbook's paths already point into the sandbox
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        // without it every command waits ~40 ms for Nagle's algorithm
        CoreModuleProperties.TCP_NODELAY.set(sshd, true);
        sshd.start();
        return new NodeServer(sshd, address);
    }

    public String address() {
        return address;
    }

    public int port() {
        return sshd.getPort();
    }

    /** Drops every open connection, as a node that reboots would. */
    public void dropConnections() {
        sshd.getActiveSessions().forEach(s -> s.close(true));
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }
}
