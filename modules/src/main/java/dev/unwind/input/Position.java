package dev.unwind.input;

/** Where something was written: a file and a 1-based line and column (0 when unknown). */
public record Position(String file, int line, int column) {

    public static Position of(String file) {
        return new Position(file, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return file + ":" + line + ":" + Math.max(column, 1);
    }
}
