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
import java.util.Map;

/** {@code debug}: shows a message or a variable. */
public final class DebugModule implements Module {
    static final String UNDEFINED = "VARIABLE IS NOT DEFINED!";

    private static final ModuleSpec SPEC = ModuleSpec.of("debug", "Shows a message, or the value of a variable.",
                    UndoKind.READ_ONLY,
                    ArgSpec.optional("msg", ArgType.RAW, null, "the message (default: Hello world!)"),
                    ArgSpec.optional("var", ArgType.STR, null, "a variable name, dotted for nested keys (a.b.c)"))
            .returns(Map.of("msg", "the message (with msg)", "VAR", "the variable's value under its own name (with var)"))
            .checkMode("runs: it changes nothing");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) {
        if (args.has("msg") && args.has("var")) {
            return Outcome.failed("debug takes msg or var, not both");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        if (args.has("var")) {
            String name = args.str("var").trim();
            Object value = lookup(ctx.vars(), name);
            r.put(name, value == null ? UNDEFINED : value);
            return Outcome.ok(name + ": " + (value == null ? UNDEFINED : value), r);
        }
        Object msg = args.has("msg") ? args.raw("msg") : "Hello world!";
        r.put("msg", msg);
        return Outcome.ok(String.valueOf(msg), r);
    }

    /** Follows a dotted path through nested maps; null when any step is missing. */
    static Object lookup(Map<String, Object> vars, String dotted) {
        Object cur = vars;
        for (String part : dotted.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m) || !m.containsKey(part)) {
                return null;
            }
            cur = m.get(part);
        }
        return cur;
    }
}
