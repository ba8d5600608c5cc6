package dev.unwind.lab.scenario;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;

/** A scenario file that cannot be used: reported as FILE:LINE:COLUMN and what to do, exit 5. */
public final class InvalidScenario extends InvalidInput {

    public InvalidScenario(String file, int line, int column, String problem) {
        super(new Position(file, line, column), problem);
    }
}
