/**
 * ansible-vault: the password that opens vaulted files and {@code !vault} values, the {@link
 * dev.unwind.inventory.vault.Vault} of a run that opens them (each plain text becoming a secret of the run,
 * anything that does not open an input error), and the cipher (format 1.1/1.2, AES256: PBKDF2-HMAC-SHA256
 * with 10 000 rounds, AES-256-CTR, HMAC-SHA256 over the ciphertext), done with the JDK alone so existing
 * vaulted inventories read unchanged.
 */
package dev.unwind.inventory.vault;
