package dev.unwind.input;

import java.util.List;
import java.util.stream.Collectors;

/** Raised when input is invalid; the CLI prints each problem on its own line and exits 5. */
public class InvalidInput extends RuntimeException {
    private final List<Problem> problems;

    public InvalidInput(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public InvalidInput(Position where, String message) {
        this(List.of(new Problem(where, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The first problem's file. */
    public String file() {
        return problems.get(0).where().file();
    }

    public int line() {
        return problems.get(0).where().line();
    }

    public int column() {
        return problems.get(0).where().column();
    }

    /** The first problem: what is wrong and what to do, without the position. */
    public String problem() {
        return problems.get(0).message();
    }
}
