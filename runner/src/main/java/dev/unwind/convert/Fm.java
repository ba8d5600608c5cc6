package dev.unwind.convert;

/**
 * A FreeMarker expression, converted from Jinja: its text, how tightly it binds (so parentheses are written only where
 * FreeMarker needs them), and what kind of value it is known to give (for the Jinja operations that depend on it:
 * {@code length}, {@code in}, {@code ~}, a value's truth, printing a boolean).
 */
record Fm(String text, int precedence, Kind kind) {
    enum Kind { BOOLEAN, STRING, NUMBER, SEQUENCE, HASH, UNKNOWN }

    /** {@code x!d}: what follows the ! is the default, up to the end, so it is parenthesized wherever it is an operand. */
    static final int DEFAULT = 0;
    static final int OR = 1;
    static final int AND = 2;
    static final int EQUALITY = 3;
    static final int RELATION = 4;
    static final int RANGE = 5;
    static final int ADDITION = 6;
    static final int MULTIPLICATION = 7;
    static final int UNARY = 8;
    static final int PRIMARY = 9;

    /** A primary expression; a negation ({@code !x}, {@code -x}) or a {@code x??} test binds less than a built-in. */
    static Fm atom(String text, Kind kind) {
        boolean unary = text.startsWith("!") || text.startsWith("-") || text.endsWith("??");
        return new Fm(text, unary ? UNARY : PRIMARY, kind);
    }

    static Fm of(String text, int precedence, Kind kind) {
        return new Fm(text, precedence, kind);
    }

    /** The text, ready for {@code ?builtin} or {@code !default}: parenthesized unless primary. */
    String operand() {
        return operandAt(PRIMARY);
    }

    /** The text as an operand of an operator that binds as tightly as {@code level}. */
    String operandAt(int level) {
        return precedence < level || precedence == DEFAULT ? "(" + text + ")" : text;
    }

    /** {@code text?builtin}. */
    Fm builtin(String builtin, Kind result) {
        return atom(operand() + "?" + builtin, result);
    }

    boolean is(Kind k) {
        return kind == k;
    }
}
