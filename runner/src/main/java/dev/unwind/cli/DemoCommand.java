package dev.unwind.cli;

import dev.unwind.lab.LabCluster;
import dev.unwind.lab.LabSnapshot;
import dev.unwind.lab.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code unwind demo}: starts the built-in lab, upgrades it from MKE 3 to MKE 4k with the real playbook over
 * SSH, prints the summary and stops. With {@code --fail-at PHASE}, a failure is injected at the end of that
 * phase: the demo shows the rollback, then compares the lab with the snapshot taken before.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Upgrade a simulated MKE 3 cluster to MKE 4k (and, with --fail-at, watch it roll back).")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--fail-at", paramLabel = "PHASE",
            description = "Inject a failure at the end of a phase: 5-11, or backup, quiesce, controllers, workers, mke4k, identity, verify.")
    String failAt;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "5", description = "Nodes in the lab (3 managers, the rest workers).")
    int nodes;

    @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "default", description = "The lab's scenario.")
    String scenario;

    @Option(names = {"-v", "--verbose"})
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String task = failAt == null ? null : UpgradePhases.task(failAt);
        Scenario s = LabUpCommand.scenario(scenario, nodes);
        Path root = Files.createTempDirectory("unwind-demo-");
        long started = System.nanoTime();
        try (LabCluster lab = LabCluster.start(s, root.resolve("lab"))) {
            out.printf("unwind demo: a simulated MKE %s cluster of %d managers and %d workers is up in %d ms%n", s.mkeVersion(),
                    s.managers().size(), s.workers().size(), (System.nanoTime() - started) / 1_000_000);
            out.flush();
            LabSnapshot before = lab.snapshot();
            List<String> args = new ArrayList<>(List.of("upgrade", "-i", lab.inventory().toString(),
                    "--mke3-admin-password", lab.adminPassword(), "--yes", "--force",
                    "--known-hosts", lab.knownHosts().toString(),
                    "--output", root.toString(), "--kubeconfig-out", root.resolve("kube/mke.kubeconf").toString()));
            if (task != null) {
                args.addAll(List.of("--fail-after-task", task));
                out.println("unwind demo: a failure will be injected after '" + task + "'");
            }
            if (verbose) {
                args.add("-v");
            }
            CommandLine upgrade = Main.commandLine();
            upgrade.setOut(out);
            upgrade.setErr(spec.commandLine().getErr());
            int code = upgrade.execute(args.toArray(String[]::new));
            out.println();
            if (task != null) {
                // the MKE backups are kept whatever happens (phase 5's undo is none): they are not cluster state
                String[] kept = lab.nodes().stream().map(n -> "nodes/" + n.name() + "/var/lib/unwind").toArray(String[]::new);
                List<String> diff = before.excluding(kept).diff(lab.snapshot().excluding(kept));
                out.println(diff.isEmpty() ? "cluster state after rollback: identical to before (the MKE backups are kept)"
                        : "cluster state after rollback differs from before:\n  " + String.join("\n  ", diff));
            }
            List<String> escapes = lab.escapes();
            if (!escapes.isEmpty()) {
                out.println("the lab wrote outside its sandboxes: " + escapes);
            }
            out.printf("unwind demo: done in %.1f s (the lab's files were in %s)%n", (System.nanoTime() - started) / 1e9, root);
            return code;
        }
    }
}
