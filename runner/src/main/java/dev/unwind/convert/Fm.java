package dev.unwind.convert;

/**
 * A FreeMarker expression, converted from Jinja: its text, whether it can take a built-in ({@code ?size}) or a
 * default ({@code !"a"}) as it is, and what kind of value it is known to give (for the Jinja operations that depend on
 * it: {@code length}, {@code in}, {@code ~}, printing a boolean).
 */
record Fm(String text, boolean atomic, Kind kind) {
    enum Kind { BOOLEAN, STRING, NUMBER, SEQUENCE, HASH, UNKNOWN }

    /** A primary expression; a negation ({@code !x}, {@code -x}) or a {@code x??} test is not one: {@code ?} binds tighter. */
    static Fm atom(String text, Kind kind) {
        return new Fm(text, !(text.startsWith("!") || text.startsWith("-") || text.endsWith("??")), kind);
    }

    static Fm compound(String text, Kind kind) {
        return new Fm(text, false, kind);
    }

    /** The text, parenthesized unless it is atomic: ready for {@code ?builtin}, {@code !default} or an operator. */
    String operand() {
        return atomic ? text : "(" + text + ")";
    }

    /** {@code text?builtin}. */
    Fm builtin(String builtin, Kind result) {
        return atom(operand() + "?" + builtin, result);
    }

    boolean is(Kind k) {
        return kind == k;
    }
}
