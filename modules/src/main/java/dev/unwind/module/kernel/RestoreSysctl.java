package dev.unwind.module.kernel;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Internal: the runtime half of {@code sysctl}'s undo. Sets each key back to its recorded value and reads it back. */
public final class RestoreSysctl implements Module {
    public static final String NAME = "restore_sysctl";

    private static final ModuleSpec SPEC = ModuleSpec.of(NAME,
                    "Internal: the automatic undo of sysctl's runtime changes. Sets each kernel parameter back to the value "
                            + "it had before the task; the values are read back and must match.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("values", ArgType.DICT, "each parameter's previous value"))
            .returns(Map.of("restored", "the parameters set back"))
            .checkMode("predicts exactly");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        Connection c = ctx.connection();
        Map<String, Object> want = args.dict("values");
        try {
            Map<String, String> now = RuntimeValues.read(c, want.keySet());
            List<String> differ = new ArrayList<>();
            want.forEach((k, v) -> {
                if (!SysctlFile.same(String.valueOf(v), now.get(k.replace('/', '.')))) {
                    differ.add(k);
                }
            });
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("restored", differ);
            if (differ.isEmpty()) {
                return Outcome.ok("kernel parameters are as they were", r);
            }
            if (!ctx.check()) {
                for (String k : differ) {
                    RuntimeValues.write(c, k, String.valueOf(want.get(k)), false);
                }
                Map<String, String> after = RuntimeValues.read(c, differ);
                List<String> left = differ.stream().filter(k -> !SysctlFile.same(String.valueOf(want.get(k)), after.get(k.replace('/', '.'))))
                        .toList();
                if (!left.isEmpty()) {
                    return Outcome.failed("kernel parameters not as they were after their restore: " + String.join(", ", left), r);
                }
            }
            return Outcome.changed("restored " + String.join(", ", differ), r, null, Undo.none(NAME + " is an undo"));
        } catch (IllegalStateException e) {
            return Outcome.failed(e.getMessage());
        }
    }
}
