package dev.unwind.mke.config;

/**
 * An MKE 3 configuration that cannot be read: not TOML, the wrong type for a setting, not an MKE 3
 * configuration at all. Carries the position so that the caller can report FILE:LINE:COLUMN (exit 5).
 */
public final class InvalidMke3Config extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public InvalidMke3Config(String file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem, null, false, false);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong and what to do, without the position. */
    public String problem() {
        return problem;
    }
}
