package dev.unwind.mke.facts;

/** A node printed something that is not what the command should print. */
public final class FactsParseException extends RuntimeException {
    public FactsParseException(String message) {
        super(message, null, false, false);
    }
}
