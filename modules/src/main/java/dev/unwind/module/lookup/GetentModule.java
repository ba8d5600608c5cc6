package dev.unwind.module.lookup;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Shell;
import dev.unwind.module.UndoKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code getent}: entries of a system database ({@code passwd}, {@code group}, {@code hosts}...) as the fact {@code getent_<database>}. */
public final class GetentModule implements Module {
    /** The databases whose fields are split on ':' (the others on white space), as Ansible's getent does. */
    private static final Set<String> COLON = Set.of("passwd", "group", "shadow", "gshadow");

    private static final ModuleSpec SPEC = ModuleSpec.of("getent", "Reads entries of a system database with getent (never changes anything).",
                    UndoKind.READ_ONLY,
                    ArgSpec.required("database", ArgType.STR, "passwd, group, shadow, hosts, services..."),
                    ArgSpec.optional("key", ArgType.STR, null, "the entry to read (all of them without it)"),
                    ArgSpec.optional("split", ArgType.STR, null, "what separates the fields (':' for passwd, group, shadow and gshadow,"
                            + " else white space)"),
                    ArgSpec.optional("fail_key", ArgType.BOOL, true, "fail when the key is not there"))
            .returns(Map.of("ansible_facts", "getent_<database>: each entry's first field mapped to the list of its other fields"))
            .checkMode("runs: it changes nothing");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        String db = args.str("database");
        String key = args.str("key");
        ExecResult r = ctx.connection().exec(Command.of("getent " + Shell.quote(db) + (key == null ? "" : " " + Shell.quote(key))));
        if (r.exitCode() == 2) {
            if (args.bool("fail_key")) {
                return Outcome.failed("One or more supplied key could not be found in the database.");
            }
            return Outcome.ok("no entry " + key + " in " + db, facts(db, Map.of()));
        }
        if (!r.ok()) {
            return Outcome.failed("getent " + db + " failed on " + ctx.connection().host() + ": "
                    + (r.exitCode() == 1 ? "missing arguments, or database unknown" : r.stderr().strip()));
        }
        String split = args.str("split", COLON.contains(db) ? ":" : null);
        Map<String, Object> entries = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> fields = new ArrayList<>(Arrays.asList(split == null ? line.strip().split("\\s+")
                    : line.split(java.util.regex.Pattern.quote(split), -1)));
            entries.put(fields.remove(0), fields);
        }
        return Outcome.ok(entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies") + " of " + db, facts(db, entries));
    }

    private static Map<String, Object> facts(String db, Map<String, Object> entries) {
        return Map.of("ansible_facts", Map.of("getent_" + db, entries));
    }
}
