package dev.unwind.undo;

import java.util.List;

/**
 * How an unwind ended.
 *
 * @param failed    changes that could not be undone, with why
 * @param abandoned the user stopped the unwind before it finished
 */
public record UnwindReport(int undone, List<Failure> failed, boolean abandoned) {

    public record Failure(Entry change, String message) {
    }

    public boolean complete() {
        return failed.isEmpty() && !abandoned;
    }
}
