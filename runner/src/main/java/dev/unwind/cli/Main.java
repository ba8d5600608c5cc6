package dev.unwind.cli;

import dev.unwind.input.InvalidInput;
import dev.unwind.run.RunRefused;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/** The {@code unwind} command. */
@Command(name = "unwind", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Runs Ansible-style playbooks where every change has an undo: a failed run unwinds, in reverse.")
public final class Main implements Runnable {
    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(PlayCommand.class, LintCommand.class, ConvertCommand.class, RollbackCommand.class,
            RunsCommand.class, DocCommand.class, InventoryCommand.class, ConfigCommand.class, UpgradeCommand.class, LabCommand.class,
            DemoCommand.class, VersionCommand.class, CommandLine.HelpCommand.class, CompletionCommand.class);
    /** These read the whole command tree. */
    private static final Set<String> WHOLE_TREE = Set.of("help", "completion");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = commandLine(args);
        int code = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return code;
    }

    /** The whole command tree. */
    static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The tree {@code args} need: the named subcommand alone (picocli builds each one's model by reflection, a
     * quarter of a second for all of them at start-up, in every run), or all of them for the usage, help,
     * completion, or a name it does not know (whose error suggests the others).
     */
    static CommandLine commandLine(String... args) {
        if (args.length > 0 && !WHOLE_TREE.contains(args[0])) {
            for (Class<?> c : SUBCOMMANDS) {
                if (c.getAnnotation(Command.class).name().equals(args[0])) {
                    return commandLine(List.of(c));
                }
            }
        }
        return commandLine(SUBCOMMANDS);
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new Main());
        subcommands.forEach(cli::addSubcommand);
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
