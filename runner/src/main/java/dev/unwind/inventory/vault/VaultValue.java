package dev.unwind.inventory.vault;

import dev.unwind.input.Position;

/**
 * A value written as {@code !vault |} in YAML: kept encrypted until someone needs the plain text.
 * {@code ansible-inventory --list} prints it as {@code {"__ansible_vault": ciphertext}}.
 *
 * @param where where it was written, for errors (nullable)
 */
public record VaultValue(String ciphertext, Position where) {

    public String decrypt(VaultSecret secret) {
        return VaultCipher.decryptToString(ciphertext, secret);
    }

    @Override
    public String toString() {
        return "<vaulted value>";
    }
}
