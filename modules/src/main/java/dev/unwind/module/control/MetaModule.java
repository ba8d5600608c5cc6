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

/**
 * {@code meta}: asks the engine to act on the run. The module only names the action, in the result key
 * {@value #KEY}; the engine reads it: {@code end_play} ends the play for every host (the run goes on with
 * the next play), {@code end_host} ends the play for this host only, {@code flush_handlers} runs the handlers
 * notified so far, {@code noop} does nothing.
 */
public final class MetaModule implements Module {
    /** The result key the engine reads. */
    public static final String KEY = "meta";
    public static final String END_PLAY = "end_play";
    public static final String END_HOST = "end_host";
    public static final String NOOP = "noop";
    /** Run the handlers notified so far, now (the engine also flushes at the end of each section of a play). */
    public static final String FLUSH_HANDLERS = "flush_handlers";

    private static final ModuleSpec SPEC = new ModuleSpec("meta",
            "Asks the engine to end the play (end_play) or this host's part of it (end_host).",
            java.util.List.of(ArgSpec.required("free_form", ArgType.STR, "the action").choices(END_PLAY, END_HOST, NOOP, FLUSH_HANDLERS)),
            UndoKind.READ_ONLY, "free_form",
            Map.of(KEY, "the action, for the engine: end_play, end_host or noop"),
            "runs: the engine ends the play in check mode too", false);

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) {
        String action = args.str("free_form");
        return Outcome.ok(switch (action) {
            case END_PLAY -> "ending the play";
            case END_HOST -> "ending the play for " + ctx.connection().host();
            case FLUSH_HANDLERS -> "running the notified handlers";
            default -> "nothing to do";
        }, Map.of(KEY, action));
    }
}
