package dev.unwind.playbook;

import dev.unwind.input.Position;

/**
 * One entry of a play's {@code vars_prompt}: asked on the terminal before the run starts, unless {@code -e} gives it.
 *
 * @param hidden       {@code private} (Ansible's default: true): typed without echo, and a secret of the run
 * @param defaultValue the answer when none is typed (or there is no terminal), or null
 * @param confirm      asked twice, the answers must match
 */
public record VarsPrompt(Position position, String name, String prompt, boolean hidden, String defaultValue,
                         boolean confirm) {
}
