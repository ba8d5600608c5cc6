package dev.unwind.module.control;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;

import java.util.Map;

/** {@code fail}: fails the host with a message (usually under a {@code when}). */
public final class FailModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("fail", "Fails the host with a message.",
                    UndoKind.READ_ONLY,
                    ArgSpec.optional("msg", ArgType.STR, "Failed as requested from task", "the message"))
            .returns(Map.of("msg", "the message"))
            .checkMode("fails in check mode too");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) {
        String msg = args.str("msg");
        return Outcome.failed(msg, Map.of("msg", msg));
    }
}
