package dev.unwind.inventory.vault;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Opens the vaulted values and files of a run with its password (if any), and tells {@code opened} of the
 * password and every plain text it gives out, so that the run masks them. Anything vaulted that does not open (no password, a wrong
 * one, damaged data) is invalid input naming where it was written, never a placeholder text.
 */
public final class Vault {
    private final VaultSecret secret;
    private final Consumer<String> opened;
    /** By ciphertext: a group's value is shared by all its hosts, and each opening costs 10 000 PBKDF2 rounds. */
    private final Map<String, String> plain = new ConcurrentHashMap<>();

    public Vault(VaultSecret secret, Consumer<String> opened) {
        this.secret = secret;
        this.opened = opened;
        if (secret != null) {
            opened.accept(secret.text());
        }
    }

    /** No password: reading raw values works, opening one is an error. */
    public static Vault none() {
        return new Vault(null, s -> { });
    }

    public static Vault of(VaultSecret secret) {
        return new Vault(secret, s -> { });
    }

    /** The plain text of a {@code !vault} value, now a secret of the run. */
    public String open(VaultValue value, String variable) {
        Position where = value.where() != null ? value.where() : Position.of("variable " + variable);
        String text;
        try {
            text = plain.computeIfAbsent(value.ciphertext(), c -> VaultCipher.decryptToString(c, required(where)));
        } catch (VaultException e) {
            throw new InvalidInput(where, "vaulted value of " + variable + ": " + e.getMessage());
        }
        opened.accept(text);
        return text;
    }

    /** A whole vaulted file's content. */
    public byte[] openFile(String envelope, String file) {
        try {
            return VaultCipher.decrypt(envelope, required(Position.of(file)));
        } catch (VaultException e) {
            throw new InvalidInput(Position.of(file), e.getMessage());
        }
    }

    /** Every text in what a whole vaulted file held: each came out of the vault. */
    public void openedAll(Object value) {
        if (value instanceof String text) {
            opened.accept(text);
        } else if (value instanceof Map<?, ?> m) {
            m.values().forEach(this::openedAll);
        } else if (value instanceof java.util.Collection<?> c) {
            c.forEach(this::openedAll);
        }
    }

    private VaultSecret required(Position where) {
        if (secret == null) {
            throw new InvalidInput(where, "vaulted data, but no vault password was given"
                    + " (give --vault-password-file FILE or --ask-vault-pass)");
        }
        return secret;
    }
}
