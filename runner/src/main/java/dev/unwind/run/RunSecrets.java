package dev.unwind.run;

import dev.unwind.module.Secrets;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The secrets of one run (passwords, tokens, no_log values), longest first so none is half-masked. */
public final class RunSecrets implements Secrets {
    private static final int SHORTEST = 3;
    private final List<String> values = new CopyOnWriteArrayList<>();

    @Override
    public void add(String secret) {
        if (secret != null && secret.length() >= SHORTEST && !values.contains(secret)) {
            values.add(secret);
            values.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    @Override
    public String redact(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : values) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
