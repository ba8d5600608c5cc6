package dev.unwind.cli;

import dev.unwind.module.Secrets;
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

    @Option(names = {"-k", "--ask-pass"}, description = "Ask for the SSH password.")
    boolean askPass;

    @Option(names = {"-K", "--ask-become-pass"}, description = "Ask for the sudo password.")
    boolean askBecomePass;

    /** The SSH transport, or null while this build has none. */
    Transport sshTransport(Secrets secrets, int forks) {
        return null;
    }
}
