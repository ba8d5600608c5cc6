package dev.unwind.exec;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The blocks with rescue of one batch: on which hosts each block's main part failed (they go to its rescue, the
 * others to its always), and the step at which each block began (a rescued host's changes from there are unwound).
 */
final class Rescues {
    private final Map<Integer, Set<String>> rescuing = new HashMap<>();
    private final Map<Integer, Integer> firstStep = new HashMap<>();

    /** Whether {@code pt} runs on {@code host}: a block's main part until it failed there, its rescue only then. */
    synchronized boolean runsOn(PlannedTask pt, String host) {
        BlockPart p = pt.part();
        if (p == null || p.part() == BlockPart.Part.ALWAYS) {
            return true;
        }
        boolean failed = rescuing.getOrDefault(p.block(), Set.of()).contains(host);
        return p.part() == BlockPart.Part.MAIN ? !failed : failed;
    }

    /** {@code pt} begins at {@code step}: the first of its block's main part marks where the block's changes begin. */
    synchronized void starting(PlannedTask pt, int step) {
        if (pt.part() != null && pt.part().part() == BlockPart.Part.MAIN) {
            firstStep.putIfAbsent(pt.part().block(), step);
        }
    }

    /** A failure of {@code pt} on a host is the block's to rescue. */
    static boolean rescuable(PlannedTask pt) {
        return pt.part() != null && pt.part().rescues() && pt.part().part() == BlockPart.Part.MAIN;
    }

    /** The step at which {@code pt}'s block began. */
    synchronized int blockStart(PlannedTask pt) {
        return firstStep.getOrDefault(pt.part().block(), 0);
    }

    synchronized void rescue(PlannedTask pt, String host) {
        rescuing.computeIfAbsent(pt.part().block(), b -> new LinkedHashSet<>()).add(host);
    }
}
