package dev.unwind.exec;

/**
 * Where a planned task stands in the innermost block that has {@code rescue} or {@code always}: which block (numbered
 * in the play), which part of it, and whether the block can rescue (a failure in its main part is then a transaction
 * to unwind on that host, not the host's end).
 */
record BlockPart(int block, Part part, boolean rescues) {
    enum Part { MAIN, RESCUE, ALWAYS }
}
