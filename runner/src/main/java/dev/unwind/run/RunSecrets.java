package dev.unwind.run;

import dev.unwind.module.Secrets;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The secrets of one run (passwords, vaulted values, no_log values), longest first so none is half-masked.
 * Only what was registered is masked. A secret shorter than {@value #SHORTEST} characters would mask
 * ordinary letters inside words, so it is masked only where it is the whole text (a value shown on its own).
 */
public final class RunSecrets implements Secrets {
    private static final int SHORTEST = 3;
    private final List<String> values = new CopyOnWriteArrayList<>();
    private final List<String> wholeOnly = new CopyOnWriteArrayList<>();

    @Override
    public void add(String secret) {
        if (secret == null || secret.isBlank()) {
            return;
        }
        List<String> list = secret.length() >= SHORTEST ? values : wholeOnly;
        if (!list.contains(secret)) {
            list.add(secret);
            if (list == values) {
                values.sort(Comparator.comparingInt(String::length).reversed());
            }
        }
    }

    @Override
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        if (wholeOnly.contains(text.strip())) {
            return MASK;
        }
        String out = text;
        for (String s : values) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
