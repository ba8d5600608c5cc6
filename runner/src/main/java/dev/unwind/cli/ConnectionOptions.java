package dev.unwind.cli;

import dev.unwind.config.AnsibleConfig;
import dev.unwind.config.AnsibleSetting;
import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.module.Secrets;
import dev.unwind.transport.TransportOptions;
import dev.unwind.transport.ssh.HostKeyChecking;
import dev.unwind.transport.ssh.SshSettings;
import dev.unwind.transport.ssh.SshTransport;

import java.time.Duration;
import dev.unwind.transport.Transport;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How to reach hosts over SSH: shared by every command that connects. */
final class ConnectionOptions {
    private static final String IN_INVENTORY = "put it in the inventory (ansible_password / ansible_become_password,"
            + " vault-encrypted) instead";

    @Option(names = {"-u", "--user"}, description = "Connect as this user (default: the inventory's ansible_user, else yours).")
    String user;

    @Option(names = "--private-key", description = "Private key file.")
    Path privateKey;

    @Option(names = "--key-passphrase-file", description = "File holding the private key's passphrase.")
    Path keyPassphraseFile;

    @Option(names = "--host-key-checking",
            description = "strict (default; ansible.cfg's host_key_checking = False means off), accept-new (record unknown"
                    + " hosts, refuse changed keys) or off.")
    String hostKeyChecking;

    @Option(names = "--known-hosts", description = "known_hosts file (default: ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = {"-k", "--ask-pass"}, description = "Ask for the SSH password.")
    boolean askPass;

    @Option(names = {"-K", "--ask-become-pass"}, description = "Ask for the sudo password.")
    boolean askBecomePass;

    /** The {@code -k} / {@code -K} passwords (null when not asked for). */
    record Passwords(String login, String become) {
    }

    private Passwords passwords;

    /** Asks for the passwords -k / -K say to, once per command; they are secrets of the run. */
    Passwords passwords(Secrets secrets) {
        if (passwords == null) {
            passwords = new Passwords(askPass ? PasswordPrompt.ask("SSH password: ", IN_INVENTORY) : null,
                    askBecomePass ? PasswordPrompt.ask("BECOME password: ", IN_INVENTORY) : null);
        }
        secrets.add(passwords.login());
        secrets.add(passwords.become());
        return passwords;
    }

    /**
     * The SSH transport for a run; asks for passwords first when -k / -K say so. What the command line leaves out comes
     * from Ansible's configuration (remote_user, private_key_file, host_key_checking, timeout), else unwind's defaults.
     */
    Transport sshTransport(Secrets secrets, int forks) {
        AnsibleConfig cfg = AnsibleConfig.current();
        String checking = hostKeyChecking != null ? hostKeyChecking
                : cfg.bool(AnsibleSetting.HOST_KEY_CHECKING).map(on -> on ? "strict" : "off").orElse("strict");
        try {
            HostKeyChecking.parse(checking);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Position.of("--host-key-checking"), e.getMessage());
        }
        Passwords pw = passwords(secrets);
        // [ssh_connection] ssh_args: the OpenSSH options the transport maps (ProxyJump, Port, IdentityFile, ...)
        SshSettings settings = SshSettings.fromEnvironment().withSshArgs(cfg.string(AnsibleSetting.SSH_ARGS).orElse(null));
        String login = user != null ? user : cfg.string(AnsibleSetting.DEFAULT_REMOTE_USER).orElse(null);
        Path key = privateKey != null ? privateKey : cfg.string(AnsibleSetting.DEFAULT_PRIVATE_KEY_FILE).map(Path::of).orElse(null);
        Duration timeout = Duration.ofSeconds(cfg.integer(AnsibleSetting.DEFAULT_TIMEOUT).orElse(10));
        return new SshTransport(new TransportOptions(login, key, keyPassphraseFile, checking, pw.login(),
                pw.become(), timeout, forks), knownHosts == null ? settings : settings.withKnownHosts(knownHosts));
    }
}
