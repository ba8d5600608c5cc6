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

/** {@code shell}: runs a script through {@code /bin/sh} (or {@code executable}), with pipes and expansion. */
public final class ShellModule implements Module {
    private static final ModuleSpec SPEC = CommandRun.spec("shell", "Runs a shell script on the host through /bin/sh.",
            CommandRun.GUARDS,
            ArgSpec.required("cmd", ArgType.STR, "the shell script"),
            ArgSpec.optional("executable", ArgType.STR, null, "another shell to run it with, e.g. /bin/bash"));

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
