package dev.unwind.module.control;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code group_by}: puts the host in a group named by {@code key} (spaces become underscores, as Ansible does), in the
 * run's in-memory inventory; the result key {@value #KEY} names it, {@value #PARENTS} its parent groups.
 */
public final class GroupByModule implements Module {
    public static final String KEY = "add_group";
    public static final String PARENTS = "parent_groups";

    private static final ModuleSpec SPEC = ModuleSpec.of("group_by",
                    "Puts the host in the group named by key (created if need be) in the run's inventory, for the plays"
                            + " that follow.",
                    UndoKind.READ_ONLY,
                    ArgSpec.required("key", ArgType.STR, "the group's name"),
                    ArgSpec.optional("parents", ArgType.LIST, List.of("all"), "the groups the new group is a child of"))
            .returns(Map.of(KEY, "the group", PARENTS, "its parents"))
            .checkMode("runs: the inventory is in memory");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) {
        String group = args.str("key").strip().replace(' ', '_');
        if (group.isEmpty()) {
            return Outcome.failed("group_by needs a key that is not empty");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(KEY, group);
        r.put(PARENTS, args.list("parents"));
        return Outcome.ok("in group " + group, r);
    }
}
