package dev.unwind.module;

/** How a module run ended on one host. */
public enum Status {
    OK, CHANGED, SKIPPED, FAILED;

    public String label() {
        return name().toLowerCase();
    }
}
