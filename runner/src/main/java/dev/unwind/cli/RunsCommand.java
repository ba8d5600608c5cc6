package dev.unwind.cli;

import dev.unwind.run.RunDirectory;
import dev.unwind.undo.Entry;
import dev.unwind.undo.Journal;
import dev.unwind.undo.JournalContents;
import dev.unwind.undo.Pending;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code unwind runs} and {@code unwind runs show RUN_ID}. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Lists runs with their status.",
        subcommands = {RunsCommand.Show.class, PruneCommand.class})
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
            out.println(line(r));
        }
        return ExitCode.OK;
    }

    /** One run's line; whatever its journal holds, the other runs are still listed. */
    private static String line(RunDirectory r) {
        try {
            JournalContents contents = Journal.read(r.journal());
            Pending p = Pending.of(contents.entries());
            String playbook = p.all().isEmpty() || p.all().get(0).run() == null ? "" : String.valueOf(p.all().get(0).run().get("playbook"));
            return String.format("%-22s %-34s %3d to undo  %s", r.id(), status(contents, p), p.unwindable().size(), playbook);
        } catch (RuntimeException e) {
            return String.format("%-22s journal unreadable: %s", r.id(), e.getMessage());
        }
    }

    private static String status(JournalContents contents, Pending p) {
        if (!contents.damage().isEmpty()) {
            JournalContents.Damage d = contents.damage().get(0);
            return "journal " + (d.torn() ? "torn" : "damaged") + " at line " + d.line();
        }
        return p.endStatus() == null ? "never ended (controller stopped?)" : p.endStatus();
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
            JournalContents contents = Journal.read(r.journal());
            for (Entry e : contents.entries()) {
                out.println(Timeline.line(e));
            }
            for (JournalContents.Damage d : contents.damage()) {
                out.println("warning: the journal " + r.journal() + " " + d);
            }
            return ExitCode.OK;
        }
    }
}
