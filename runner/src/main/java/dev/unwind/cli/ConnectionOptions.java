package dev.unwind.cli;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.module.Secrets;
import dev.unwind.transport.TransportOptions;
import dev.unwind.transport.ssh.HostKeyChecking;
import dev.unwind.transport.ssh.SshSettings;
import dev.unwind.transport.ssh.SshTransport;

import java.io.Console;
import java.time.Duration;
import dev.unwind.transport.Transport;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How to reach hosts over SSH: shared by every command that connects. */
final class ConnectionOptions {

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

    /** The SSH transport for a run; asks for passwords first when -k / -K say so. */
    Transport sshTransport(Secrets secrets, int forks) {
        try {
            HostKeyChecking.parse(hostKeyChecking);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Position.of("--host-key-checking"), e.getMessage());
        }
        String password = askPass ? prompt("SSH password: ") : null;
        String becomePassword = askBecomePass ? prompt("BECOME password: ") : null;
        secrets.add(password);
        secrets.add(becomePassword);
        SshSettings settings = SshSettings.fromEnvironment();
        return new SshTransport(new TransportOptions(user, privateKey, keyPassphraseFile, hostKeyChecking, password,
                becomePassword, Duration.ofSeconds(10), forks), knownHosts == null ? settings : settings.withKnownHosts(knownHosts));
    }

    private static String prompt(String label) {
        Console console = System.console();
        if (console == null) {
            throw new InvalidInput(Position.of(label.strip()), "no terminal to ask on: put the password in the inventory"
                    + " (ansible_password / ansible_become_password, vault-encrypted) instead");
        }
        char[] pw = console.readPassword(label);
        return pw == null ? null : new String(pw);
    }
}
