package dev.unwind.module.control;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code add_host}: adds a host (and groups) to the run's in-memory inventory, for the plays that follow. It changes no
 * host; the result key {@value #KEY} holds what the engine adds, as Ansible's does.
 */
public final class AddHostModule implements Module {
    /** The result key the engine reads: host_name, groups, host_vars. */
    public static final String KEY = "add_host";

    private static final ModuleSpec SPEC = ModuleSpec.of("add_host",
                    "Adds a host to the run's inventory (not to any file), in the groups given, with the other arguments as"
                            + " its variables; plays after this one can target it.",
                    UndoKind.READ_ONLY,
                    ArgSpec.required("name", ArgType.STR, "the host's name (host:port gives ansible_port)").aliases("host", "hostname"),
                    ArgSpec.optional("groups", ArgType.LIST, null, "groups to put it in").aliases("group", "groupname"))
            .acceptingAnyArgs()
            .returns(Map.of(KEY, "host_name, groups and host_vars, which the engine adds to the inventory"))
            .checkMode("runs: the inventory is in memory, so later plays predict with the host");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) {
        Map<String, Object> vars = new LinkedHashMap<>(args.asMap());
        List.of("name", "host", "hostname", "groups", "group", "groupname").forEach(vars::remove);
        String name = args.str("name");
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(':') == colon && name.substring(colon + 1).matches("\\d+")) {
            vars.put("ansible_port", Integer.parseInt(name.substring(colon + 1)));
            name = name.substring(0, colon);
        }
        List<String> groups = new ArrayList<>();
        for (String g : args.list("groups")) {
            for (String part : g.split(",")) {
                if (!part.isBlank()) {
                    groups.add(part.strip());
                }
            }
        }
        Map<String, Object> added = new LinkedHashMap<>();
        added.put("host_name", name);
        added.put("groups", groups);
        added.put("host_vars", vars);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(KEY, added);
        return Outcome.ok("added host " + name + (groups.isEmpty() ? "" : " to " + String.join(", ", groups)), r);
    }
}
