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

import java.util.List;

/**
 * {@code raw}: a command line handed to the login shell as it is, as Ansible's raw is (for hosts without Python in
 * Ansible's case; here the same as {@code shell} with {@code executable}, but with none of its guards).
 */
public final class RawModule implements Module {
    private static final ModuleSpec SPEC = CommandRun.spec("raw", "Runs a command line on the host as it is, through the shell.",
            List.of(),
            ArgSpec.required("cmd", ArgType.STR, "the command line").aliases("free_form"),
            ArgSpec.optional("executable", ArgType.STR, null, "the shell to run it with (default /bin/sh)"));

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
