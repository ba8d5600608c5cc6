package dev.unwind.exec;

import dev.unwind.inventory.Inventory;
import dev.unwind.module.Secrets;
import dev.unwind.template.Templates;
import dev.unwind.report.Reporter;
import dev.unwind.undo.Journal;
import dev.unwind.vars.HostVariables;

/** The parts of one run that each batch and each task on a host works with. */
record RunParts(Inventory inventory, Templates templates, RunSettings settings, Reporter reporter, Secrets secrets, RunState state, Interrupt interrupt,
                HostVariables hostVariables, TaskVars taskVars, HeldLocks held, HostSetup setup, HostConnector connector,
                Journal journal, RunEnding ending) {
}
