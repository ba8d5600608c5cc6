package dev.unwind.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code unwind lab}: a simulated MKE 3 cluster on this machine, to rehearse the upgrade on. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "An MKE 3 cluster on this machine to rehearse an upgrade on: simulated (SSH nodes on loopback "
                + "addresses, the UCP API, a Kubernetes API for MKE 4k; nothing changed outside the lab's folder), or with "
                + "--real, real nodes in Docker containers with a real Swarm, etcd and kube-apiserver.",
        subcommands = {LabUpCommand.class, LabDownCommand.class, LabSeedCommand.class})
public final class LabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
