package dev.unwind.convert;

/** A Jinja construct with no FreeMarker form here: the caller records it as a {@link Gap} and keeps the original. */
final class Unconvertible extends RuntimeException {
    Unconvertible(String what) {
        super(what, null, false, false);
    }
}
