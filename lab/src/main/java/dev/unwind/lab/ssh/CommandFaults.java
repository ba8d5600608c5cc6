package dev.unwind.lab.ssh;

import dev.unwind.lab.scenario.FaultSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command faults of one node. Each fault counts the commands whose line contains its text and fires
 * once, at its call; {@link #fired()} says which did.
 */
public final class CommandFaults {
    private final List<Armed> armed = new ArrayList<>();

    public CommandFaults(List<FaultSpec> faults) {
        for (FaultSpec f : faults) {
            if (f instanceof FaultSpec.CommandFails || f instanceof FaultSpec.ConnectionDrops) {
                armed.add(new Armed(f));
            }
        }
    }

    /** Counts {@code command} against every fault; the one that fires now, if any. */
    public synchronized Optional<FaultSpec> onCommand(String command) {
        FaultSpec firing = null;
        for (Armed a : armed) {
            String contains = a.spec instanceof FaultSpec.CommandFails c ? c.contains() : ((FaultSpec.ConnectionDrops) a.spec).contains();
            int call = a.spec instanceof FaultSpec.CommandFails c ? c.call() : ((FaultSpec.ConnectionDrops) a.spec).call();
            if (command.contains(contains)) {
                a.calls++;
                if (a.calls == call && firing == null) {
                    a.fired = true;
                    firing = a.spec;
                }
            }
        }
        return Optional.ofNullable(firing);
    }

    public synchronized List<FaultSpec> fired() {
        return armed.stream().filter(a -> a.fired).map(a -> a.spec).toList();
    }

    private static final class Armed {
        final FaultSpec spec;
        int calls;
        boolean fired;

        Armed(FaultSpec spec) {
            this.spec = spec;
        }
    }
}
