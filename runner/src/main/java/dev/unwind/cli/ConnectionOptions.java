package dev.unwind.cli;

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

    @Option(names = "--host-key-checking", defaultValue = "strict",
            description = "strict (default), accept-new (record unknown hosts, refuse changed keys) or off.")
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

    /** The SSH transport for a run; asks for passwords first when -k / -K say so. */
    Transport sshTransport(Secrets secrets, int forks) {
        try {
            HostKeyChecking.parse(hostKeyChecking);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Position.of("--host-key-checking"), e.getMessage());
        }
        Passwords pw = passwords(secrets);
        SshSettings settings = SshSettings.fromEnvironment();
        return new SshTransport(new TransportOptions(user, privateKey, keyPassphraseFile, hostKeyChecking, pw.login(),
                pw.become(), Duration.ofSeconds(10), forks), knownHosts == null ? settings : settings.withKnownHosts(knownHosts));
    }
}
