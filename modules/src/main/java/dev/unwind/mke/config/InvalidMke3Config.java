package dev.unwind.mke.config;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;

/**
 * An MKE 3 configuration that cannot be read: not TOML, the wrong type for a setting, not an MKE 3
 * configuration at all. Reported as FILE:LINE:COLUMN, exit 5, like every invalid input.
 */
public final class InvalidMke3Config extends InvalidInput {

    public InvalidMke3Config(String file, int line, int column, String problem) {
        super(new Position(file, line, column), problem);
    }

    /** Every problem of one file, reported together. */
    public InvalidMke3Config(java.util.List<dev.unwind.input.Problem> problems) {
        super(problems);
    }
}
