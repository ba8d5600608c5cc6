package dev.unwind.inventory;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.inventory.vault.VaultCipher;
import dev.unwind.inventory.vault.Vault;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an inventory or vars file as text, opening it first when the whole file is ansible-vault encrypted. */
public final class InventoryFiles {
    private InventoryFiles() {
    }

    public static String read(Path file, Vault vault) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInput(Position.of(file.toString()), "cannot read: " + e.getMessage());
        }
        if (VaultCipher.isVaulted(bytes)) {
            bytes = vault.openFile(new String(bytes, StandardCharsets.US_ASCII), file.toString());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInput(Position.of(file.toString()), "not UTF-8 text");
        }
    }

    /** Whether the whole file is ansible-vault encrypted (false when it cannot be read). */
    public static boolean isVaulted(Path file) {
        try {
            return VaultCipher.isVaulted(Files.readAllBytes(file));
        } catch (IOException e) {
            return false;
        }
    }
}
