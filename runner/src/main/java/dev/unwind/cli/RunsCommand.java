package dev.unwind.cli;

import dev.unwind.run.RunDirectory;
import dev.unwind.undo.Entry;
import dev.unwind.undo.Journal;
import dev.unwind.undo.Pending;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code unwind runs} and {@code unwind runs show RUN_ID}. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Lists runs with their status.",
        subcommands = RunsCommand.Show.class)
final class RunsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<RunDirectory> runs = RunDirectory.all(RunDirectory.home());
        if (runs.isEmpty()) {
            out.println("no runs yet in " + RunDirectory.home());
        }
        for (RunDirectory r : runs) {
            Pending p = Pending.of(Journal.read(r.journal()));
            String status = p.endStatus() == null ? "never ended (controller stopped?)" : p.endStatus();
            String playbook = p.all().isEmpty() || p.all().get(0).run() == null ? "" : String.valueOf(p.all().get(0).run().get("playbook"));
            out.printf("%-22s %-34s %3d to undo  %s%n", r.id(), status, p.unwindable().size(), playbook);
        }
        return ExitCode.OK;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints a run's journal as a timeline.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "RUN_ID")
        String runId;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            RunDirectory r = RollbackCommand.find(runId);
            PrintWriter out = spec.commandLine().getOut();
            for (Entry e : Journal.read(r.journal())) {
                out.println(Timeline.line(e));
            }
            return ExitCode.OK;
        }
    }
}
