package dev.unwind.module.control;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.UndoKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code assert}: fails the host unless every FreeMarker condition in {@code that} holds. */
public final class AssertModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("assert",
                    "Checks that conditions hold; fails the host with fail_msg otherwise.",
                    UndoKind.READ_ONLY,
                    ArgSpec.required("that", ArgType.LIST, "FreeMarker conditions, all of which must be true"),
                    ArgSpec.optional("fail_msg", ArgType.STR, null, "message when a condition is false").aliases("msg"),
                    ArgSpec.optional("success_msg", ArgType.STR, null, "message when all hold"),
                    ArgSpec.optional("quiet", ArgType.BOOL, false, "say less on success"))
            .returns(Map.of("assertion", "the first condition that was false", "evaluated_to", "its value (false)",
                    "msg", "fail_msg or success_msg"))
            .checkMode("runs: it changes nothing");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) {
        List<String> that = args.list("that");
        if (args.raw("that") instanceof String s) {
            that = List.of(s); // one condition may itself contain commas
        }
        for (String condition : that) {
            boolean holds;
            try {
                holds = ctx.test(condition);
            } catch (RuntimeException e) {
                return Outcome.failed("cannot evaluate assertion '" + condition + "': " + e.getMessage());
            }
            if (!holds) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("assertion", condition);
                r.put("evaluated_to", false);
                String msg = args.str("fail_msg", "Assertion failed");
                r.put("msg", msg);
                return new Outcome(Status.FAILED, msg, r, null, null);
            }
        }
        String msg = args.str("success_msg", "All assertions passed");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("msg", msg);
        return Outcome.ok(args.bool("quiet") ? "" : msg, r);
    }
}
