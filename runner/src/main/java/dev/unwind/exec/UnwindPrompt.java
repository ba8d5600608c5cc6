package dev.unwind.exec;

import java.io.Console;

/** Asks, on the terminal, whether a second Ctrl-C really means to abandon the unwind. */
final class UnwindPrompt {
    private UnwindPrompt() {
    }

    static boolean confirmAbandon() {
        Console console = System.console();
        if (console == null) {
            // nobody to ask: a second signal without a terminal means it
            return true;
        }
        String answer = console.readLine("%nAbandon the unwind? Hosts may be left half-changed; the journal is kept. [y/N] ");
        return answer != null && answer.strip().equalsIgnoreCase("y");
    }
}
