package dev.unwind.exec;

import dev.unwind.module.Secrets;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code no_log} task found stays hidden when a later task shows its registered result: its output,
 * facts and content become secrets. Not its paths, states or messages, which are the playbook's own words.
 */
final class NoLogResult {
    private static final Set<String> FOUND = Set.of("stdout", "stderr", "stdout_lines", "stderr_lines", "ansible_facts",
            "content", "json");

    private NoLogResult() {
    }

    static void register(Map<String, Object> result, Secrets secrets) {
        result.forEach((k, v) -> {
            if (FOUND.contains(k)) {
                texts(v, secrets);
            } else if (k.equals("results") && v instanceof Collection<?> items) {
                items.forEach(i -> {
                    if (i instanceof Map<?, ?> m) {
                        m.forEach((ik, iv) -> {
                            if (FOUND.contains(String.valueOf(ik))) {
                                texts(iv, secrets);
                            }
                        });
                    }
                });
            }
        });
    }

    private static void texts(Object v, Secrets secrets) {
        if (v instanceof String s) {
            secrets.add(s.strip());
        } else if (v instanceof Map<?, ?> m) {
            m.values().forEach(x -> texts(x, secrets));
        } else if (v instanceof Collection<?> c) {
            c.forEach(x -> texts(x, secrets));
        }
    }
}
