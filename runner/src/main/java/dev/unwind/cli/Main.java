package dev.unwind.cli;

import dev.unwind.input.InvalidInput;
import dev.unwind.run.RunRefused;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code unwind} command. */
@Command(name = "unwind", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Runs Ansible-style playbooks where every change has an undo: a failed run unwinds, in reverse.",
        subcommands = {PlayCommand.class, LintCommand.class, RollbackCommand.class, RunsCommand.class, DocCommand.class,
                InventoryCommand.class, UpgradeCommand.class, LabCommand.class, DemoCommand.class,
                VersionCommand.class,
                CommandLine.HelpCommand.class, CompletionCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = commandLine();
        int code = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return code;
    }

    static CommandLine commandLine() {
        // templates/ and playbooks/ shipped beside the jar are found from here on
        System.setProperty("unwind.repo", ShippedFiles.home().toString());
        CommandLine cli = new CommandLine(new Main());
        // '@file' is unwind's own syntax (-e @vars.yml, --limit @hosts.txt); picocli must not read it as more arguments
        cli.setExpandAtFiles(false);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof InvalidInput invalid) {
                invalid.problems().forEach(p -> err.println(p));
                err.println("unwind: invalid input, nothing was changed");
                err.flush();
                return ExitCode.INVALID_INPUT;
            }
            if (ex instanceof RunRefused refused) {
                err.println("unwind: " + refused.getMessage());
                err.println("unwind: the run did not start, nothing was changed");
                err.flush();
                return ExitCode.INTERNAL;
            }
            err.println("unwind: internal error: " + (ex.getMessage() == null ? ex.getClass().getName() : ex.getMessage()));
            if (System.getenv("UNWIND_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("(set UNWIND_DEBUG=1 to see where)");
            }
            err.flush();
            return ExitCode.INTERNAL;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("unwind: " + ex.getMessage());
            err.println("(see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            err.flush();
            return ExitCode.INVALID_INPUT;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
