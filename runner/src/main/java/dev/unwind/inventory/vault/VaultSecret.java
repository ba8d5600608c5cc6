package dev.unwind.inventory.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The vault password. Read like Ansible's {@code --vault-password-file}: a plain file's content
 * without trailing line breaks, or what an executable file prints. Never printed.
 */
public final class VaultSecret {
    private final byte[] password;

    private VaultSecret(byte[] password) {
        this.password = password.clone();
    }

    public static VaultSecret of(String password) {
        return new VaultSecret(password.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a password file; runs it when it is executable, as Ansible does. */
    public static VaultSecret fromFile(Path file) throws IOException {
        return fromFile(file, null);
    }

    /**
     * Reads a password file, or runs it when it is executable and takes what it prints, as Ansible does; a script named
     * {@code *-client} (Ansible's vault client scripts) is told the label: {@code --vault-id LABEL}.
     */
    public static VaultSecret fromFile(Path file, String label) throws IOException {
        byte[] raw;
        if (Files.isExecutable(file) && !Files.isDirectory(file)) {
            List<String> command = new ArrayList<>(List.of(file.toAbsolutePath().toString()));
            String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            if (label != null && stem.endsWith("-client")) {
                command.addAll(List.of("--vault-id", label));
            }
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            raw = p.getInputStream().readAllBytes();
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException("vault password script " + file + " failed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + file, e);
            }
        } else {
            raw = Files.readAllBytes(file);
        }
        int end = raw.length;
        int start = 0;
        while (end > 0 && (raw[end - 1] == '\n' || raw[end - 1] == '\r')) {
            end--;
        }
        while (start < end && (raw[start] == '\n' || raw[start] == '\r')) {
            start++;
        }
        if (start == end) {
            throw new IOException("vault password file " + file + " is empty");
        }
        return new VaultSecret(Arrays.copyOfRange(raw, start, end));
    }

    byte[] bytes() {
        return password.clone();
    }

    /** As text, only for the run's secrets to mask it. */
    String text() {
        return new String(password, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "VaultSecret[****]";
    }
}
