package dev.unwind.cli;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.lab.LabCluster;
import dev.unwind.lab.LabNode;
import dev.unwind.lab.scenario.Scenario;
import dev.unwind.lab.scenario.ScenarioFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unwind lab up}: starts the lab, prints its inventory and credentials, runs until Ctrl-C or {@code unwind lab down}. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start a simulated MKE 3 cluster and keep it running until Ctrl-C or `unwind lab down`.")
public final class LabUpCommand implements Callable<Integer> {

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Scenario file (YAML), or a built-in one: default, mke-3.7.14, mke-3.6.9, mke-3.9.0, calico-kdd-false.")
    String scenario = "default";

    @Option(names = "--nodes", paramLabel = "N|M+W", description = "Resize the scenario to N nodes (3 managers, the rest workers);"
            + " with --real: M managers and W workers (default 1+1).")
    String nodes;

    @Option(names = "--real", description = "Real nodes instead: containers with systemd, sshd and a Docker engine each, a real"
            + " Swarm, MKE 3 with real etcd and a real kube-apiserver (needs a Docker engine; docs/lab-contract.md).")
    boolean real;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int[] shape = real ? RealLabUp.shape(nodes == null ? "1+1" : nodes) : null;
        Scenario s = real ? null : scenario(scenario, nodes == null ? null : count(nodes));
        LabFolder folder = LabFolder.inHome();
        if (folder.running().isPresent()) {
            spec.commandLine().getErr().println("unwind: a lab is already up (process " + folder.running().get().pid()
                    + "); stop it with `unwind lab down`");
            return ExitCode.INVALID_INPUT;
        }
        Files.createDirectories(folder.dir());
        folder.clear();
        delete(folder.root());
        if (real) {
            try {
                return new RealLabUp(folder, shape[0], shape[1]).run(out, spec.commandLine().getErr());
            } finally {
                folder.clear();
                delete(folder.root());
                out.println("unwind lab: down");
                out.flush();
            }
        }
        long started = System.nanoTime();
        try (LabCluster lab = LabCluster.start(s, folder.root())) {
            Path password = lab.root().resolve("admin-password");
            Files.writeString(password, lab.adminPassword() + "\n");
            Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(folder.pidFile(), ProcessHandle.current().pid() + "\n");
            print(out, lab, password, (System.nanoTime() - started) / 1_000_000);
            awaitStop(folder, lab::close);
            out.println("unwind lab: stopping");
        } finally {
            folder.clear();
            delete(folder.root());
        }
        out.println("unwind lab: down");
        out.flush();
        return ExitCode.OK;
    }

    /** Waits for Ctrl-C (then {@code close} runs from a shutdown hook) or for {@code unwind lab down}. */
    static void awaitStop(LabFolder folder, Runnable close) {
        Thread hook = new Thread(close, "unwind-lab-down");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (!Files.exists(folder.stopFile())) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            removeHook(hook);
        }
    }

    private static Integer count(String nodes) {
        try {
            return Integer.valueOf(nodes.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(Position.of("--nodes"), "the simulated lab takes --nodes N (a number of nodes), not " + nodes
                    + "; M+W is for --real");
        }
    }

    /** A scenario by file or built-in name, resized to {@code nodes} when given. */
    static Scenario scenario(String scenario, Integer nodes) {
        Scenario s;
        Path file = Path.of(scenario);
        if (Files.isRegularFile(file)) {
            s = ScenarioFile.read(file);
        } else if (ScenarioFile.builtInNames().contains(scenario)) {
            s = ScenarioFile.builtIn(scenario);
        } else {
            throw new InvalidInput(Position.of("--scenario"), "no scenario file " + scenario + ", and no built-in scenario of"
                    + " that name (built in: " + String.join(", ", ScenarioFile.builtInNames()) + ")");
        }
        if (nodes != null) {
            if (nodes < 1 || nodes > 50) {
                throw new InvalidInput(Position.of("--nodes"), "a lab has 1 to 50 nodes, not " + nodes);
            }
            s = s.resized(nodes);
        }
        return s;
    }

    private static void print(PrintWriter out, LabCluster lab, Path password, long millis) {
        Scenario s = lab.scenario();
        out.printf("unwind lab \"%s\" is up in %d ms: MKE %s, %d managers, %d workers%n", s.name(), millis, s.mkeVersion(),
                s.managers().size(), s.workers().size());
        for (LabNode n : lab.nodes()) {
            out.printf("  %-16s %-8s ssh %s@%s -p %d%n", n.name(), n.manager() ? "manager" : "worker", lab.sshUser(), n.address(),
                    n.port());
        }
        out.println();
        out.println("  inventory      " + lab.inventory());
        out.println("  SSH key        " + lab.clientKey() + "  (known hosts: " + lab.knownHosts() + ")");
        out.println("  MKE 3 URL      " + lab.ucpUrl() + "  (CA file: " + lab.ucpCaFile() + ")");
        out.println("  MKE 3 admin    " + lab.adminUser());
        out.println("  password       " + lab.adminPassword() + "  (also in " + password + ")");
        out.println("  MKE 4k API     " + lab.kubeApiUrl() + "  (once k0s runs; kubeconfig: " + lab.kubeconfig() + ")");
        out.println();
        out.println("Try:  unwind inventory -i " + lab.inventory() + " --graph");
        out.println("Stop it with Ctrl-C or `unwind lab down`.");
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook closes the lab
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
