package dev.unwind.inventory.vault;

/**
 * A value written as {@code !vault |} in YAML: kept encrypted until someone needs the plain text.
 * {@code ansible-inventory --list} prints it as {@code {"__ansible_vault": ciphertext}}.
 */
public record VaultValue(String ciphertext) {

    public String decrypt(VaultSecret secret) {
        return VaultCipher.decryptToString(ciphertext, secret);
    }

    @Override
    public String toString() {
        return "<vaulted value>";
    }
}
