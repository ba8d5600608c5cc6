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
import java.util.ArrayList;
import java.util.List;

/** Where the vault secrets come from: shared by every command that reads an inventory. */
final class VaultOptions {
    /** The source of {@code --ask-vault-pass} (Ansible's name for it, which asks without naming a label). */
    private static final String ASK = "prompt_ask_vault_pass";

    @Option(names = "--vault-id", paramLabel = "[LABEL@]SOURCE",
            description = "A vault secret, repeatable: SOURCE is a file, an executable that prints it, or 'prompt';"
                    + " an envelope labelled LABEL ($ANSIBLE_VAULT;1.2;AES256;LABEL) tries it first.")
    List<String> ids = new ArrayList<>();

    @Option(names = {"--vault-password-file", "--vault-pass-file"}, paramLabel = "FILE",
            description = "File (or executable) with the password of ansible-vault values and files; repeatable.")
    List<Path> passwordFiles = new ArrayList<>();

    @Option(names = {"-J", "--ask-vault-pass"}, description = "Ask for the vault password.")
    boolean ask;

    /** The run's vault: every value it opens (and each of its secrets) becomes one of {@code secrets}. */
    Vault vault(Secrets secrets) {
        AnsibleConfig cfg = AnsibleConfig.current();
        // untyped in Ansible: any text turns it on
        boolean idMatch = cfg.string(AnsibleSetting.DEFAULT_VAULT_ID_MATCH).map(v -> !v.isEmpty()).orElse(false);
        return new Vault(secrets(cfg), idMatch, secrets::add);
    }

    /**
     * The secrets in Ansible's order: ansible.cfg's vault_identity_list, the {@code --vault-id}s, the password files
     * ({@code --vault-password-file}, then vault_password_file), then {@code --ask-vault-pass}; those without a label
     * take vault_identity's ({@code default}).
     */
    private List<Vault.Id> secrets(AnsibleConfig cfg) {
        if (!passwordFiles.isEmpty() && ask) {
            throw new InvalidInput(Position.of("--ask-vault-pass"), "give either --vault-password-file or --ask-vault-pass");
        }
        String label = cfg.string(AnsibleSetting.DEFAULT_VAULT_IDENTITY).orElse("default");
        List<String> slugs = new ArrayList<>(cfg.list(AnsibleSetting.DEFAULT_VAULT_IDENTITY_LIST));
        slugs.addAll(ids);
        List<Path> files = new ArrayList<>(passwordFiles);
        cfg.string(AnsibleSetting.DEFAULT_VAULT_PASSWORD_FILE).map(Path::of).ifPresent(files::add);
        files.forEach(f -> slugs.add(label + "@" + f));
        if (ask) {
            slugs.add(label + "@" + ASK);
        }
        List<Vault.Id> out = new ArrayList<>();
        for (String slug : slugs) {
            int at = slug.indexOf('@');
            String l = at < 0 ? label : slug.substring(0, at);
            out.add(new Vault.Id(l, secret(l, at < 0 ? slug : slug.substring(at + 1))));
        }
        return out;
    }

    private static VaultSecret secret(String label, String source) {
        if (source.equals(ASK)) {
            return VaultSecret.of(PasswordPrompt.ask("Vault password: ", "give --vault-password-file FILE instead"));
        }
        if (source.equals("prompt")) {
            return VaultSecret.of(PasswordPrompt.ask("Vault password (" + label + "): ", "give --vault-id " + label + "@FILE instead"));
        }
        try {
            return VaultSecret.fromFile(Path.of(source), label);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new InvalidInput(Position.of(source), "cannot read the vault password" + (label.equals("default") ? "" : " of " + label)
                    + ": " + e.getMessage());
        }
    }
}
