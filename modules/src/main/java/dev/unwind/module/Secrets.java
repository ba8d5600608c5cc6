package dev.unwind.module;

/** Knows the secret values of a run and hides them in any text about to be shown or stored. */
public interface Secrets {

    String MASK = "********";

    void add(String secret);

    String redact(String text);
}
