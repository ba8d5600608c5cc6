package dev.unwind.module.accounts;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Predictions;
import dev.unwind.module.Shell;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;
import dev.unwind.module.files.Attributes;
import dev.unwind.module.files.ContentPlacement;
import dev.unwind.module.files.PriorState;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code authorized_key}: SSH keys in a user's authorized_keys. The file is placed as {@code copy} places one
 * ({@link ContentPlacement}), so its undo is the file machinery's before-image; a ~/.ssh it creates is removed after.
 */
public final class AuthorizedKeyModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("authorized_key",
                    "Adds or removes SSH authorized keys of a user. Its undo puts the authorized_keys file back as it was "
                            + "(bytes, mode, owner) and removes a .ssh folder it created.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("user", ArgType.STR, "whose keys"),
                    ArgSpec.required("key", ArgType.STR, "the key, or several, one a line"),
                    ArgSpec.optional("path", ArgType.STR, null, "the file (default ~USER/.ssh/authorized_keys)"),
                    ArgSpec.optional("manage_dir", ArgType.BOOL, true, "create the file's folder (0700) and give the file "
                            + "mode 0600 and the user as owner"),
                    ArgSpec.optional("state", ArgType.STR, "present", "present or absent").choices("present", "absent"),
                    ArgSpec.optional("key_options", ArgType.STR, null, "options put before the key (from=..., no-pty)"),
                    ArgSpec.optional("exclusive", ArgType.BOOL, false, "remove every other key (and line) from the file"),
                    ArgSpec.optional("comment", ArgType.STR, null, "the key's comment, instead of its own"))
            .returns(Map.of("user", "the user", "key", "the key as given", "keyfile", "the file", "path", "as given",
                    "state", "present or absent", "exclusive", "as given", "manage_dir", "as given", "key_options", "as given"))
            .checkMode("predicts exactly; for a user an earlier user task of the check run would add, predicts the new file");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        Connection c = ctx.connection();
        String user = args.str("user");
        try {
            List<AuthorizedKeys.Key> keys = AuthorizedKeys.wanted(args.str("key"), args.str("key_options"), args.str("comment"));
            Optional<PasswdEntry> pw = lookup(c, user);
            boolean predicted = pw.isEmpty() && ctx.check() && ctx.predictions().has(Predictions.Kind.USER, user);
            if (pw.isEmpty() && !predicted) {
                return Outcome.failed("Failed to lookup user " + user + ": no such user on " + c.host());
            }
            String home = pw.map(PasswdEntry::home).orElse("/home/" + user);
            String file = args.str("path", home + "/.ssh/authorized_keys");
            boolean manage = args.bool("manage_dir");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("user", user);
            r.put("key", args.str("key"));
            r.put("keyfile", file);
            r.put("path", args.str("path"));
            r.put("state", args.str("state"));
            r.put("exclusive", args.bool("exclusive"));
            r.put("manage_dir", manage);
            r.put("key_options", args.str("key_options"));

            FileStat st = c.stat(file);
            if (!args.str("state").equals("present") && !st.exists()) {
                return Outcome.ok(file + " does not exist", r);
            }
            AuthorizedKeys text = AuthorizedKeys.parse(st.isFile() ? new String(c.get(file).orElse(new byte[0]), StandardCharsets.UTF_8) : "");
            if (args.str("state").equals("present")) {
                text.present(keys, args.bool("exclusive"));
            } else {
                text.absent(keys);
            }
            // numeric ids: exact, and known for a user the run has just added (not for one only predicted)
            Attributes attrs = !manage ? Attributes.NONE
                    : new Attributes("0600", pw.map(PasswdEntry::uid).orElse(null), pw.map(PasswdEntry::gid).orElse(null));
            String dir = PriorState.parentOf(file);
            List<ModuleCall> dirUndo = new ArrayList<>();
            boolean makesDir = manage && !c.stat(dir).exists();
            if (makesDir) {
                dirUndo.add(new PriorState(dir, FileStat.ABSENT).restoreAttributes());
                if (ctx.check()) {
                    ctx.predictions().add(Predictions.Kind.PATH, dir);
                } else {
                    ctx.beforeChange(new Undo.Calls(dirUndo));
                    String q = Shell.quote(dir);
                    String owner = pw.get().uid() + ":" + pw.get().gid();
                    ExecResult m = c.exec(Command.of("mkdir -m 0700 -- " + q + " && chown -- " + Shell.quote(owner) + " " + q));
                    if (!m.ok()) {
                        return Outcome.failed("cannot create " + dir + " on " + c.host() + ": " + m.stderr().strip(), r);
                    }
                }
            }
            Outcome placed = ContentPlacement.place(ctx, file, text.render().getBytes(StandardCharsets.UTF_8), attrs, true, r,
                    "keys changed");
            if (placed.failed() || dirUndo.isEmpty()) {
                return placed;
            }
            List<ModuleCall> all = new ArrayList<>(placed.undo() instanceof Undo.Calls u ? u.calls() : List.of());
            all.addAll(dirUndo);
            return Outcome.changed(placed.msg() + ", " + dir + " created", placed.result(), placed.diff(), new Undo.Calls(all));
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private static Optional<PasswdEntry> lookup(Connection c, String user) throws ConnectionException {
        ExecResult r = c.exec(Command.of("getent passwd " + Shell.quote(user)));
        return r.ok() && !r.stdout().isBlank() ? Optional.of(PasswdEntry.parse(r.stdout().strip())) : Optional.empty();
    }
}
