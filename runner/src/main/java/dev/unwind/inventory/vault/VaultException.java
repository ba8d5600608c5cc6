package dev.unwind.inventory.vault;

/** Vaulted data could not be opened; the message never contains the password or plain text. */
public class VaultException extends RuntimeException {
    public VaultException(String message) {
        super(message, null, false, false);
    }
}
