package dev.unwind.module.command;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Shell;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code command}: runs a program with arguments, without a shell ({@code $HOME}, {@code |} and {@code >}
 * reach the program literally), the way Ansible's command module does.
 */
public final class CommandModule implements Module {
    private static final ModuleSpec SPEC = CommandRun.spec("command", "Runs a program on the host, without a shell.",
            CommandRun.GUARDS,
            ArgSpec.optional("cmd", ArgType.STR, null, "the command line, split into words like a shell would (no expansion)"),
            ArgSpec.optional("argv", ArgType.LIST, null, "the command as a list of words (instead of cmd)"));

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        if (args.has("cmd") == args.has("argv")) {
            return Outcome.failed("command needs exactly one of cmd (or the free form) and argv");
        }
        List<String> argv;
        try {
            argv = args.has("argv") ? argvOf(args.raw("argv")) : Shell.split(args.str("cmd"));
        } catch (IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
        if (argv.isEmpty()) {
            return Outcome.failed("command is empty");
        }
        // exec: the program replaces the shell, so its exit status and signals are its own
        return CommandRun.run(args, ctx, "exec " + Command.argv(argv).script(), argv);
    }

    private static List<String> argvOf(Object raw) {
        List<String> out = new ArrayList<>();
        if (raw instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        } else {
            out.addAll(Shell.split(String.valueOf(raw)));
        }
        return out;
    }
}
