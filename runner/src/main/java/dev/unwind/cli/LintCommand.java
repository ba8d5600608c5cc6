package dev.unwind.cli;

import dev.unwind.playbook.Playbook;
import dev.unwind.playbook.PlaybookLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code unwind lint PLAYBOOK}: every load-time check, nothing run. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Checks a playbook without running it: YAML, keys, modules, arguments, $${...} expressions and"
                + " conditions, the templates and vars files it names, and that every change has an undo.")
final class LintCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PLAYBOOK")
    Path playbook;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Playbook pb = new PlaybookLoader(Catalogs.forPlaybook(playbook)).load(playbook);
        long tasks = pb.plays().stream().mapToLong(p -> p.tasks().size()).sum();
        spec.commandLine().getOut().println(playbook + ": ok (" + pb.plays().size() + " play(s), " + tasks + " top-level task(s))");
        return ExitCode.OK;
    }
}
