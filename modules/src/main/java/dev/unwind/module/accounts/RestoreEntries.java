package dev.unwind.module.accounts;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Shell;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Internal: the automatic undo of {@code user} and {@code group}. Puts back, in each of the four account files,
 * the exact prior line of every recorded name (or removes a line that was not there), leaving every other line as
 * it is now; each file is written under the shadow tools' lock and read back, and the undo fails unless it holds what
 * was recorded. Removes a home directory the change created. Idempotent: a second run finds nothing to do.
 */
public final class RestoreEntries implements Module {
    public static final String NAME = "restore_entries";
    private static final int ATTEMPTS = 5;

    private static final ModuleSpec SPEC = ModuleSpec.of(NAME,
                    "Internal: The automatic undo of user and group. Puts back the exact prior /etc/passwd, /etc/shadow, "
                            + "/etc/group and /etc/gshadow lines of the names a task touched (or removes the lines it added), "
                            + "with each file locked as the shadow tools lock it, and removes a home directory the task created or gives re-owned home files their owner back. "
                            + "Every file is read back and must hold what was recorded.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("prior", ArgType.STR, "reference of the recorded lines in the run's backups"),
                    ArgSpec.optional("users", ArgType.LIST, null, "the users recorded (for the reader; the lines are in prior)"),
                    ArgSpec.optional("groups", ArgType.LIST, null, "the groups recorded"),
                    ArgSpec.optional("remove_home", ArgType.STR, null, "a home directory the task created, removed with its content"),
                    ArgSpec.optional("uid", ArgType.STR, null, "the previous uid, given back to the files listed in owned"),
                    ArgSpec.optional("owned", ArgType.STR, null, "reference of the home's files usermod -u re-owns"),
                    ArgSpec.optional("gid", ArgType.STR, null, "the previous gid, given back to the files listed in grouped"),
                    ArgSpec.optional("grouped", ArgType.STR, null, "reference of the home's files usermod -g re-groups"))
            .returns(Map.of("files", "the account files rewritten", "users", "the users restored", "groups", "the groups restored"))
            .checkMode("predicts exactly");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        Connection c = ctx.connection();
        try {
            PriorEntries prior = PriorEntries.parse(ctx.backups().load(args.str("prior")));
            List<String> written = new ArrayList<>();
            for (AccountFile f : AccountFile.values()) {
                List<PriorEntry> mine = prior.of(f);
                if (!mine.isEmpty() && restore(ctx, f, mine)) {
                    written.add(f.path());
                }
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("files", written);
            r.put("users", args.list("users"));
            r.put("groups", args.list("groups"));
            List<String> changes = new ArrayList<>(written.stream().map(p -> p + " restored").toList());
            if (args.has("owned") && !ctx.check()) {
                HomeOwnership.restore(c, ctx.backups().load(args.str("owned")), true, args.str("uid"));
            }
            if (args.has("grouped") && !ctx.check()) {
                HomeOwnership.restore(c, ctx.backups().load(args.str("grouped")), false, args.str("gid"));
            }
            String home = args.str("remove_home");
            if (home != null && c.stat(home).exists()) {
                changes.add("home " + home + " removed");
                if (!ctx.check()) {
                    ExecResult rm = c.exec(Command.of("rm -rf -- " + Shell.quote(home)));
                    if (!rm.ok() || c.stat(home).exists()) {
                        return Outcome.failed("cannot remove home " + home + " on " + c.host() + ": " + rm.stderr().strip(), r);
                    }
                }
            }
            if (changes.isEmpty()) {
                return Outcome.ok("account entries are as they were", r);
            }
            return Outcome.changed(String.join(", ", changes), r, null, Undo.none("restore_entries is an undo"));
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    /** @return whether the file had to be written */
    private static boolean restore(ModuleContext ctx, AccountFile f, List<PriorEntry> entries) throws ConnectionException {
        Connection c = ctx.connection();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            AccountText now = AccountTables.read(c, f);
            if (entries.stream().allMatch(e -> e.heldBy(now))) {
                return false;
            }
            if (!now.exists()) {
                throw new IllegalStateException(f.path() + " is missing on " + c.host() + ": cannot restore its entries");
            }
            if (ctx.check()) {
                return true;
            }
            List<String> lines = now.lines();
            for (PriorEntry e : entries) {
                lines = e.applyTo(lines);
            }
            if (!LockedWrite.replace(c, f, now.sha256(), now.withLines(lines).render())) {
                continue;
            }
            AccountText back = AccountTables.read(c, f);
            List<String> off = entries.stream().filter(e -> !e.heldBy(back)).map(PriorEntry::name).toList();
            if (!off.isEmpty()) {
                throw new IllegalStateException(f.path() + " on " + c.host() + " does not hold the recorded entries of "
                        + String.join(", ", off) + " after their restore");
            }
            return true;
        }
        throw new IllegalStateException(f.path() + " on " + c.host() + " kept changing while its entries were restored");
    }
}
