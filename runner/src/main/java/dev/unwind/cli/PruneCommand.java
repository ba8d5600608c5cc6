package dev.unwind.cli;

import dev.unwind.exec.HostConnector;
import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.run.FileBackups;
import dev.unwind.run.RunDirectory;
import dev.unwind.run.RunLock;
import dev.unwind.run.RunRefused;
import dev.unwind.run.RunSecrets;
import dev.unwind.transport.Transports;
import dev.unwind.undo.BeforeImageSweep;
import dev.unwind.undo.Journal;
import dev.unwind.undo.Pending;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code unwind runs prune}: removes the runs older than a cutoff, with the large files' before-images they still keep
 * on the hosts (a run with {@code --keep-before-images}). A run whose changes a rollback may still need (it never
 * ended, stopped, or did not finish unwinding) is kept and named: roll it back first. So is a run whose images could
 * not all be removed, so that a later prune finds them again.
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Removes old runs, and the before-images they keep on the hosts.")
final class PruneCommand implements Callable<Integer> {
    /** End statuses after which a rollback has nothing it must still do: what the run kept it kept on purpose. */
    private static final Set<String> SETTLED = Set.of("ok", "failed", "unwound", "interrupted", "rolled_back");

    @Option(names = "--older-than", paramLabel = "AGE", defaultValue = "30d",
            description = "Runs started longer ago than this: 30d, 12h, 90m, 0 for all (default: ${DEFAULT-VALUE}).")
    String olderThan;

    @Option(names = "--dry-run", description = "Say what would be removed, remove nothing.")
    boolean dryRun;

    @Option(names = {"-i", "--inventory"}, description = "Inventory to reach the hosts (default: each run's own).")
    List<String> inventory = new ArrayList<>();

    @CommandLine.Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @CommandLine.Mixin
    VaultOptions vault = new VaultOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LocalDateTime cutoff = LocalDateTime.now().minus(age(olderThan));
        PrintWriter out = spec.commandLine().getOut();
        int exit = ExitCode.OK;
        int pruned = 0;
        for (RunDirectory run : RunDirectory.all(RunDirectory.home())) {
            if (!run.started().map(s -> s.isBefore(cutoff)).orElse(false)) {
                continue;
            }
            try (RunLock ignored = RunLock.take(run, "prune")) {
                Outcome o = prune(run);
                out.println(o.line());
                switch (o.kind()) {
                    case PRUNED -> pruned++;
                    case IMAGES_LEFT -> exit = ExitCode.UNREACHABLE;
                    case KEPT -> { }
                }
            } catch (RunRefused busy) {
                out.println("kept " + run.id() + ": " + busy.getMessage());
            }
        }
        out.println((dryRun ? "would prune " : "pruned ") + pruned + " run(s) started before " + cutoff.withNano(0));
        return exit;
    }

    /** What became of one run: pruned, kept (a rollback may need it), or kept with before-images left on hosts. */
    private enum OutcomeKind { PRUNED, KEPT, IMAGES_LEFT }

    private record Outcome(OutcomeKind kind, String line) {
    }

    private Outcome prune(RunDirectory run) {
        Pending pending;
        try {
            pending = Pending.of(Journal.read(run.journal()).entries());
        } catch (RuntimeException unreadable) {
            return new Outcome(OutcomeKind.KEPT, "kept " + run.id() + ": its journal cannot be read (" + unreadable.getMessage() + ")");
        }
        String status = pending.endStatus();
        if (!pending.unwindable().isEmpty() && (status == null || !SETTLED.contains(status))) {
            return new Outcome(OutcomeKind.KEPT, "kept " + run.id() + " (" + (status == null ? "never ended" : status) + ", "
                    + pending.unwindable().size() + " change(s) not undone): roll it back first (unwind rollback " + run.id() + ")");
        }
        String images = "";
        boolean kept = pending.end() != null && BeforeImageSweep.KEPT.equals(pending.end().message());
        if (kept && !pending.left().isEmpty() && !dryRun) {
            RunSecrets secrets = new RunSecrets();
            JournaledHosts hosts = JournaledHosts.of(inventory, vault, pending, secrets);
            try (Transports transports = new Transports(connection.sshTransport(secrets, ConfiguredDefaults.forks(null)))) {
                HostConnector connector = new HostConnector(transports, hosts::reach, secrets, connection.passwords(secrets).become());
                List<String> left = BeforeImageSweep.sweep(pending.left(), new FileBackups(run.backups(), run.id()), connector.guarded(h -> { }));
                if (!left.isEmpty()) {
                    return new Outcome(OutcomeKind.IMAGES_LEFT, "kept " + run.id() + ": " + secrets.redact(String.join("; ", left)));
                }
            }
            images = ", its before-images removed from the hosts";
        }
        if (!dryRun) {
            delete(run.path());
        }
        return new Outcome(OutcomeKind.PRUNED, (dryRun ? "would prune " : "pruned ") + run.id() + " (" + (status == null ? "no changes" : status) + images + ")");
    }

    static Duration age(String text) {
        var m = java.util.regex.Pattern.compile("([0-9]+)([dhm]?)").matcher(text.strip());
        if (!m.matches() || (m.group(2).isEmpty() && !m.group(1).equals("0"))) {
            throw new InvalidInput(Position.of("--older-than"), "'" + text + "' is not an age: write it as 30d, 12h, 90m or 0");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ZERO;
        };
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
