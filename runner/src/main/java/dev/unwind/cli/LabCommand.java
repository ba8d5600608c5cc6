package dev.unwind.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code unwind lab}: a simulated MKE 3 cluster on this machine, to rehearse the upgrade on. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "A simulated MKE 3 cluster on this machine (SSH nodes on loopback addresses, the UCP API, "
                + "a Kubernetes API for MKE 4k), to rehearse an upgrade on. Nothing is installed or changed outside "
                + "the lab's folder.",
        subcommands = {LabUpCommand.class, LabDownCommand.class})
public final class LabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
