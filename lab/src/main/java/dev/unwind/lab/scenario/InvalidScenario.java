package dev.unwind.lab.scenario;

/** A scenario file that cannot be used; the message starts with FILE:LINE:COLUMN and says what to do. */
public final class InvalidScenario extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public InvalidScenario(String file, int line, int column, String problem) {
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

    public String problem() {
        return problem;
    }
}
