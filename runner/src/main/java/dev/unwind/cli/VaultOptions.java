package dev.unwind.cli;

import dev.unwind.config.AnsibleConfig;
import dev.unwind.config.AnsibleSetting;
import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.inventory.vault.Vault;
import dev.unwind.inventory.vault.VaultSecret;
import dev.unwind.module.Secrets;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** Where the vault password comes from: shared by every command that reads an inventory. */
final class VaultOptions {

    @Option(names = "--vault-password-file", paramLabel = "FILE",
            description = "File (or executable) with the password of ansible-vault values and files.")
    Path passwordFile;

    @Option(names = {"-J", "--ask-vault-pass"}, description = "Ask for the vault password.")
    boolean ask;

    /** The run's vault: every value it opens (and its password) becomes one of {@code secrets}. */
    Vault vault(Secrets secrets) {
        return new Vault(secret(), secrets::add);
    }

    private VaultSecret secret() {
        if (passwordFile != null && ask) {
            throw new InvalidInput(Position.of("--ask-vault-pass"), "give either --vault-password-file or --ask-vault-pass");
        }
        if (ask) {
            return VaultSecret.of(PasswordPrompt.ask("Vault password: ", "give --vault-password-file FILE instead"));
        }
        // ANSIBLE_VAULT_PASSWORD_FILE, else ansible.cfg's vault_password_file
        Path file = passwordFile != null ? passwordFile
                : AnsibleConfig.current().string(AnsibleSetting.DEFAULT_VAULT_PASSWORD_FILE).map(Path::of).orElse(null);
        if (file == null) {
            return null;
        }
        try {
            return VaultSecret.fromFile(file);
        } catch (IOException e) {
            throw new InvalidInput(Position.of(file.toString()), "cannot read the vault password: " + e.getMessage());
        }
    }
}
