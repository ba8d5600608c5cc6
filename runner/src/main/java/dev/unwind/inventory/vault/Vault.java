package dev.unwind.inventory.vault;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Opens the vaulted values and files of a run with its password (if any), and tells {@code opened} of the
 * password and every plain text it gives out, so that the run masks them. Anything vaulted that does not open (no password, a wrong
 * one, damaged data) is invalid input naming where it was written, never a placeholder text.
 */
public final class Vault {
    /** One vault secret and its label ({@code --vault-id label@source}; {@code default} when none is given). */
    public record Id(String label, VaultSecret secret) {
        @Override
        public String toString() {
            return "Vault.Id[" + label + "]";
        }
    }

    private final List<Id> secrets;
    /** Ansible's vault_id_match: a labelled envelope is tried with the secrets of its label only. */
    private final boolean idMatch;
    private final Consumer<String> opened;
    /** By ciphertext: a group's value is shared by all its hosts, and each opening costs 10 000 PBKDF2 rounds. */
    private final Map<String, String> plain = new ConcurrentHashMap<>();

    public Vault(VaultSecret secret, Consumer<String> opened) {
        this(secret == null ? List.of() : List.of(new Id("default", secret)), false, opened);
    }

    /** The secrets in the order Ansible tries them (after those whose label an envelope names). */
    public Vault(List<Id> secrets, boolean idMatch, Consumer<String> opened) {
        this.secrets = List.copyOf(secrets);
        this.idMatch = idMatch;
        this.opened = opened;
        secrets.forEach(id -> opened.accept(id.secret().text()));
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
            text = plain.computeIfAbsent(value.ciphertext(), c -> new String(decrypt(c, where), java.nio.charset.StandardCharsets.UTF_8));
        } catch (VaultException e) {
            throw new InvalidInput(where, "vaulted value of " + variable + ": " + e.getMessage());
        }
        opened.accept(text);
        return text;
    }

    /** A whole vaulted file's content. */
    public byte[] openFile(String envelope, String file) {
        try {
            return decrypt(envelope, Position.of(file));
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

    /**
     * Opens an envelope as Ansible does: a {@code 1.2} envelope's label picks the secrets tried first, then (unless
     * vault_id_match) every other in order; the first that opens it wins.
     */
    private byte[] decrypt(String envelope, Position where) {
        if (secrets.isEmpty()) {
            throw new InvalidInput(where, "vaulted data, but no vault password was given"
                    + " (give --vault-password-file FILE, --vault-id [LABEL@]SOURCE or --ask-vault-pass)");
        }
        String label = VaultCipher.label(envelope);
        List<Id> tried = new java.util.ArrayList<>(secrets.stream().filter(id -> id.label().equals(label)).toList());
        if (!idMatch || label == null) {
            secrets.stream().filter(id -> !id.label().equals(label)).forEach(tried::add);
        }
        VaultException last = null;
        for (Id id : tried) {
            try {
                return VaultCipher.decrypt(envelope, id.secret());
            } catch (VaultException e) {
                last = e;
            }
        }
        if (tried.size() == 1 && last != null) {
            throw last;
        }
        throw new VaultException("no vault secret decrypts this data (tried " + (tried.isEmpty() ? "none: vault_id_match is on and no"
                + " secret is labelled '" + label + "'" : tried.stream().map(Id::label).collect(java.util.stream.Collectors.joining(", ")))
                + ")");
    }
}
