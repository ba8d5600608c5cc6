package dev.unwind.template;

/**
 * A template or condition that could not be evaluated. The message names the expression and, for an
 * undefined variable, the variable; the executor adds the task's file:line.
 */
public class TemplateError extends RuntimeException {
    private final String undefined;

    public TemplateError(String message, String undefined) {
        super(message, null, false, false);
        this.undefined = undefined;
    }

    /** The undefined variable that caused this, or null. */
    public String undefined() {
        return undefined;
    }
}
