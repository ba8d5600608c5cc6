package dev.unwind.module.accounts;

import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.FileStat;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.Undo;
import dev.unwind.module.files.PriorState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The undo of an account change, computed before it: {@code restore_entries} with the prior lines of the names it
 * may touch, then (through the file machinery, {@code restore_path}) a home it removed, and the files the shadow tools
 * rewrite on the side: their backups ({@code /etc/passwd-} ...) and the subordinate id files.
 */
final class AccountUndo {
    static final List<String> GROUP_SIDE_FILES = List.of("/etc/group-", "/etc/gshadow-");
    static final List<String> USER_SIDE_FILES = List.of("/etc/passwd-", "/etc/shadow-", "/etc/group-", "/etc/gshadow-",
            "/etc/subuid", "/etc/subuid-", "/etc/subgid", "/etc/subgid-");

    private AccountUndo() {
    }

    /**
     * @param createdHome a home the change will create (removed by the undo), or null
     * @param removedHome a home the change will remove (archived now, unpacked by the undo), or null
     */
    static Undo of(ModuleContext ctx, AccountTables t, Set<String> users, Set<String> groups, String createdHome,
                   String removedHome, List<String> sideFiles) throws ConnectionException {
        return of(ctx, t, users, groups, createdHome, removedHome, sideFiles, Map.of());
    }

    /** @param reowned restore_entries' uid/owned and gid/grouped arguments for a change of ids */
    static Undo of(ModuleContext ctx, AccountTables t, Set<String> users, Set<String> groups, String createdHome,
                   String removedHome, List<String> sideFiles, Map<String, Object> reowned) throws ConnectionException {
        Connection c = ctx.connection();
        PriorEntries prior = PriorEntries.of(t, users, groups);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("prior", ctx.backups().save(c.host(), prior.serialize()));
        a.put("users", List.copyOf(users));
        a.put("groups", List.copyOf(groups));
        if (createdHome != null) {
            a.put("remove_home", createdHome);
        }
        a.putAll(reowned);
        List<ModuleCall> calls = new ArrayList<>();
        calls.add(ModuleCall.of(RestoreEntries.NAME, a));
        if (removedHome != null) {
            calls.add(PriorState.of(c, removedHome).restoreTree(ctx));
        }
        for (String p : sideFiles) {
            PriorState s = PriorState.of(c, p);
            calls.add(s.stat().kind() == FileStat.Kind.FILE
                    ? s.restoreFile(ctx, c.get(p).orElseThrow(() -> new IllegalStateException("cannot read " + p + " on " + c.host())))
                    : s.restoreAttributes());
        }
        return new Undo.Calls(calls);
    }
}
