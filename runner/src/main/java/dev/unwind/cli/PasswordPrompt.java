package dev.unwind.cli;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Asks for a password: on the terminal without echo, else (piped, as Ansible's getpass falls back to) one line
 * of standard input, read byte by byte so that a second question gets the next line.
 */
final class PasswordPrompt {
    private PasswordPrompt() {
    }

    /** The password; without one, invalid input that says where else it can come from. */
    static String ask(String label, String otherwise) {
        Console console = System.console();
        if (console != null) {
            char[] pw = console.readPassword("%s", label);
            if (pw != null && pw.length > 0) {
                return new String(pw);
            }
        } else {
            String line = line(System.in);
            if (line != null && !line.isEmpty()) {
                return line;
            }
        }
        throw new InvalidInput(Position.of(label.strip()), "no password given (no terminal to ask on and nothing on"
                + " standard input): " + otherwise);
    }

    private static String line(InputStream in) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                buf.write(b);
            }
        } catch (IOException e) {
            return null;
        }
        String s = buf.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
