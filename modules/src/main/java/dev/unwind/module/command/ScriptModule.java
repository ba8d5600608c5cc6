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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code script}: sends a controller script to the host and runs it, in one round trip: the script arrives
 * on stdin into a private temporary file, runs with its arguments, and the file is removed whatever happens.
 */
public final class ScriptModule implements Module {
    private static final ModuleSpec SPEC = CommandRun.spec("script", "Copies a local script to the host and runs it there.",
            CommandRun.GUARDS.subList(0, 3), // chdir, creates, removes: stdin carries the script
            ArgSpec.required("cmd", ArgType.STR, "the local script and its arguments, e.g. 'files/setup.sh --fast'"),
            ArgSpec.optional("executable", ArgType.STR, null, "run the script with this program, e.g. /bin/bash"));

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        List<String> words;
        try {
            words = Shell.split(args.str("cmd"));
        } catch (IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
        if (words.isEmpty()) {
            return Outcome.failed("script needs the path of a local script");
        }
        Path local = ctx.localFile(words.get(0));
        if (!Files.isRegularFile(local)) {
            return Outcome.failed("script " + local + " does not exist on the controller");
        }
        byte[] body;
        try {
            body = Files.readAllBytes(local);
        } catch (IOException e) {
            return Outcome.failed("cannot read " + local + ": " + e.getMessage());
        }
        String runner = args.has("executable") ? Shell.quote(args.str("executable")) + " " : "";
        String argv = Shell.join(words.subList(1, words.size()));
        String script = "t=$(mktemp) || exit $?\ntrap 'rm -f \"$t\"' EXIT\ncat > \"$t\" && chmod 700 \"$t\" || exit $?\n"
                + runner + "\"$t\" " + argv + " </dev/null";
        return CommandRun.run(args, ctx, script, args.str("cmd"), body);
    }
}
