package dev.unwind.module.files;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Predictions;
import dev.unwind.module.Shell;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code tempfile}: creates a new, uniquely named file (0600) or directory (0700), as Python's mkstemp/mkdtemp do for
 * Ansible. The name is drawn here and the path made exclusively on the host, so the undo ({@code restore_path}
 * absent) is known, and journaled, before the path exists. Like Ansible's, every run makes a new one.
 */
public final class TempFileModule implements Module {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ModuleSpec SPEC = ModuleSpec.of("tempfile",
                    "Creates a temporary file (mode 0600) or directory (0700) with a new random name, every run. Undo: "
                            + "removes it (a directory only when empty again: what later tasks put in it is undone first).",
                    UndoKind.AUTOMATIC,
                    ArgSpec.optional("state", ArgType.STR, "file", "file or directory").choices("file", "directory"),
                    ArgSpec.optional("path", ArgType.STR, null, "the folder to create it in (default: $TMPDIR or /tmp on the host)"),
                    ArgSpec.optional("prefix", ArgType.STR, "ansible.", "start of the name"),
                    ArgSpec.optional("suffix", ArgType.STR, "", "end of the name"))
            .returns(Map.of("path", "the created path (in check mode, a path of the same form: the real name is drawn anew)",
                    "state", "file or directory"))
            .checkMode("predicts changed and a path of the same form in the same folder; fails as the real run would when "
                    + "the folder does not exist (unless an earlier task would make it)");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            Connection c = ctx.connection();
            boolean dir = args.str("state").equals("directory");
            String prefix = args.str("prefix");
            String suffix = args.str("suffix", "");
            if ((prefix + suffix).contains("/")) {
                return Outcome.failed("prefix and suffix may not contain '/'");
            }
            String folder = args.has("path") ? args.str("path").replaceFirst("(?<=.)/+$", "") : defaultFolder(c);
            if (!c.stat(folder).isDirectory() && !(ctx.check() && ctx.predictions().has(Predictions.Kind.PATH, folder))) {
                return Outcome.failed("cannot create a temporary " + args.str("state") + " in " + folder + ": no such directory");
            }
            String path = freeName(c, folder, prefix, suffix);
            Undo undo = Undo.of(new PriorState(path, FileStat.ABSENT).restoreAttributes());
            String what = "temporary " + args.str("state") + " created in " + folder;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("path", path);
            r.put("state", args.str("state"));
            if (ctx.check()) {
                ctx.predictions().add(Predictions.Kind.PATH, path);
                return Outcome.changed(what, r, null, undo);
            }
            ctx.beforeChange(undo);
            String q = Shell.quote(path);
            // exclusive: mkdir fails on an existing path, and so does a noclobber redirection
            HostCommand.run(c, Command.of(dir ? "mkdir -m 0700 -- " + q : "(umask 077 && set -C && : > " + q + ")"),
                    "cannot create " + path);
            return Outcome.changed(what, r, null, undo);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    /** Python's gettempdir() on the host, in its usual form. */
    private static String defaultFolder(Connection c) throws ConnectionException {
        ExecResult r = c.exec(Command.of("printf '%s' \"${TMPDIR:-/tmp}\""));
        String d = r.stdout().replaceFirst("(?<=.)/+$", "");
        return r.ok() && !d.isEmpty() ? d : "/tmp";
    }

    /** A random name not taken now (8 letters, as Python draws them); the exclusive create catches a later taker. */
    private static String freeName(Connection c, String folder, String prefix, String suffix) throws ConnectionException {
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder name = new StringBuilder(prefix);
            for (int i = 0; i < 8; i++) {
                name.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
            }
            String path = (folder.equals("/") ? "" : folder) + "/" + name + suffix;
            if (!c.stat(path).exists()) {
                return path;
            }
        }
        throw new IllegalStateException("no free temporary name in " + folder + " after 10 attempts");
    }
}
