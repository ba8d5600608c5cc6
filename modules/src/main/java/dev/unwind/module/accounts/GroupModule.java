package dev.unwind.module.accounts;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Predictions;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code group}: a group present (with a gid) or absent, through groupadd, groupmod and groupdel. */
public final class GroupModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("group",
                    "Adds, changes (gid) or removes a group. Its undo puts back the group's exact prior /etc/group and "
                            + "/etc/gshadow lines (or removes the group it added).",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("name", ArgType.STR, "the group"),
                    ArgSpec.optional("gid", ArgType.INT, null, "the group's id"),
                    ArgSpec.optional("system", ArgType.BOOL, false, "a system group (id from the system range), when added"),
                    ArgSpec.optional("state", ArgType.STR, "present", "present or absent").choices("present", "absent"))
            .returns(Map.of("name", "the group", "gid", "its id after the task (absent in check mode for a new group without gid)",
                    "system", "as given", "state", "present or absent"))
            .checkMode("predicts exactly; a group it would add counts as there for later tasks of the check run");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        Connection c = ctx.connection();
        String name = args.str("name");
        boolean present = args.str("state").equals("present");
        try {
            AccountTables t = AccountTables.read(c);
            Optional<GroupEntry> now = t.group(name);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", name);
            r.put("state", args.str("state"));
            r.put("system", args.bool("system"));
            String gid = args.has("gid") ? String.valueOf(args.integer("gid")) : null;
            List<String> argv = new ArrayList<>();
            String msg;
            if (!present) {
                if (now.isEmpty()) {
                    return Outcome.ok("group " + name + " is absent", r);
                }
                argv.addAll(List.of("groupdel", name));
                msg = "removed group " + name;
            } else if (now.isEmpty()) {
                argv.add("groupadd");
                if (gid != null) {
                    argv.addAll(List.of("-g", gid));
                }
                if (args.bool("system")) {
                    argv.add("-r");
                }
                argv.add(name);
                msg = "added group " + name;
            } else if (gid != null && !gid.equals(now.get().gid())) {
                argv.addAll(List.of("groupmod", "-g", gid, name));
                msg = "group " + name + ": gid " + now.get().gid() + " -> " + gid;
            } else {
                r.put("gid", Long.parseLong(now.get().gid()));
                return Outcome.ok("group " + name + " is as wanted", r);
            }
            Undo undo = AccountUndo.of(ctx, t, Set.of(), Set.of(name), null, null, AccountUndo.GROUP_SIDE_FILES);
            if (ctx.check()) {
                if (present) {
                    ctx.predictions().add(Predictions.Kind.GROUP, name);
                }
                if (gid != null) {
                    r.put("gid", Long.parseLong(gid));
                }
            } else {
                ctx.beforeChange(undo);
                AccountTool.run(c, argv);
                AccountTables.read(c).group(name).ifPresent(g -> r.put("gid", Long.parseLong(g.gid())));
            }
            return Outcome.changed(msg, r, null, undo);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }
}
