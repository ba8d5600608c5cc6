package dev.unwind.module.command;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Shell;
import dev.unwind.module.UndoKind;

import java.util.ArrayList;
import java.util.List;

/** {@code shell}: runs a script through {@code /bin/sh} (or {@code executable}), with pipes and expansion. */
public final class ShellModule implements Module {
    private static final ModuleSpec SPEC = declare();

    private static ModuleSpec declare() {
        List<ArgSpec> args = new ArrayList<>();
        args.add(ArgSpec.required("cmd", ArgType.STR, "the shell script"));
        args.add(ArgSpec.optional("executable", ArgType.STR, null, "another shell to run it with, e.g. /bin/bash"));
        args.addAll(CommandRun.GUARDS);
        return new ModuleSpec("shell", "Runs a shell script on the host through /bin/sh. A task must give undo: or undo: none.",
                args, UndoKind.EXPLICIT, "cmd", CommandRun.RETURNS, CommandRun.CHECK_MODE, false);
    }

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        String cmd = args.str("cmd");
        String script = args.has("executable") ? Shell.quote(args.str("executable")) + " -c " + Shell.quote(cmd) : cmd;
        return CommandRun.run(args, ctx, script, cmd);
    }
}
