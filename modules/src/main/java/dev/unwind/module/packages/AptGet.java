package dev.unwind.module.packages;

import dev.unwind.module.Command;
import dev.unwind.module.Shell;

import java.util.ArrayList;
import java.util.List;

/**
 * apt-get as unwind runs it: never asking (noninteractive, keeping changed conffiles), waiting for a dpkg lock
 * another process holds instead of failing at once, and simulated with exactly the arguments of the real run.
 */
final class AptGet {
    /** How long apt waits for the dpkg lock another apt or dpkg holds. */
    static final int LOCK_SECONDS = 300;

    private static final String PREFIX = "DEBIAN_FRONTEND=noninteractive NEEDRESTART_MODE=a apt-get -q -y -o DPkg::Lock::Timeout="
            + LOCK_SECONDS + " -o Dpkg::Options::=--force-confold";

    private AptGet() {
    }

    /** {@code apt-get VERB OPTIONS -- ITEMS}, simulated when {@code simulate}. */
    static Command of(boolean simulate, String verb, List<String> options, List<String> items) {
        List<String> argv = new ArrayList<>();
        if (simulate) {
            argv.add("-s");
        }
        argv.add(verb);
        argv.addAll(options);
        // the simulation's lines are read: the C locale keeps them Inst/Remv/Purg
        return Command.of("LC_ALL=C " + PREFIX + " " + Shell.join(argv) + (items.isEmpty() ? "" : " -- " + Shell.join(items)));
    }

    static Command update() {
        return Command.of("LC_ALL=C " + PREFIX + " update");
    }
}
