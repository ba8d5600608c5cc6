package dev.unwind.input;

/** One thing wrong with an input, and where. The message says what was expected and, if known, the fix. */
public record Problem(Position where, String message) {

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
