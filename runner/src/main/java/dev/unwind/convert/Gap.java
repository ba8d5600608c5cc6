package dev.unwind.convert;

/** Something the conversion could not do, at its place in the input (line 0: the whole file). */
public record Gap(String file, int line, String what) {
    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line : file) + ": " + what;
    }
}
