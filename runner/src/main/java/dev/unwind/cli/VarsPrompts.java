package dev.unwind.cli;

import dev.unwind.input.InvalidInput;
import dev.unwind.module.Secrets;
import dev.unwind.playbook.Play;
import dev.unwind.playbook.Playbook;
import dev.unwind.playbook.VarsPrompt;

import java.io.Console;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks every play's {@code vars_prompt} before anything runs, as Ansible asks them: a variable {@code -e} gives is not
 * asked; an empty answer takes the default; a private answer is read without echo and becomes a secret, never shown.
 * Without a terminal only a default can answer: anything else is invalid input naming the prompt and the -e to pass.
 */
final class VarsPrompts {
    private VarsPrompts() {
    }

    /** The answers, by play (its position), each play's by variable name. */
    static Map<String, Map<String, Object>> ask(Playbook playbook, Map<String, Object> extraVars, Secrets secrets) {
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        for (Play play : playbook.plays()) {
            Map<String, Object> these = new LinkedHashMap<>();
            for (VarsPrompt p : play.prompts()) {
                if (!extraVars.containsKey(p.name())) {
                    String answer = answer(p);
                    if (p.hidden() && !answer.isEmpty()) {
                        secrets.add(answer);
                    }
                    these.put(p.name(), answer);
                }
            }
            answers.put(play.position().toString(), these);
        }
        return answers;
    }

    private static String answer(VarsPrompt p) {
        Console console = System.console();
        if (console == null) {
            if (p.defaultValue() != null) {
                return p.defaultValue();
            }
            throw new InvalidInput(p.position(), "vars_prompt '" + p.name() + "' needs an answer and there is no terminal"
                    + " to ask on: pass -e " + p.name() + "=... (or give the prompt a default)");
        }
        String label = p.prompt() + (p.defaultValue() != null && !p.hidden() ? " [" + p.defaultValue() + "]" : "") + ": ";
        while (true) {
            String given = read(console, label, p.hidden());
            String answer = given.isEmpty() && p.defaultValue() != null ? p.defaultValue() : given;
            if (!p.confirm() || answer.equals(read(console, "confirm " + label, p.hidden()))) {
                return answer;
            }
            console.printf("***** VALUES ENTERED DO NOT MATCH ****%n");
        }
    }

    private static String read(Console console, String label, boolean hidden) {
        if (hidden) {
            char[] pw = console.readPassword("%s", label);
            return pw == null ? "" : new String(pw);
        }
        String line = console.readLine("%s", label);
        return line == null ? "" : line;
    }
}
