package dev.unwind.module.control;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code pause}: waits a while (there is no interactive prompt: runs are unattended). */
public final class PauseModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("pause", "Waits for a number of seconds or minutes.",
                    UndoKind.READ_ONLY,
                    ArgSpec.optional("seconds", ArgType.INT, null, "how long to wait"),
                    ArgSpec.optional("minutes", ArgType.INT, null, "how long to wait, in minutes"),
                    ArgSpec.optional("prompt", ArgType.STR, null, "a message to show; unwind does not wait for input"))
            .returns(Map.of("delta", "seconds waited", "echo", "always false", "user_input", "always empty"))
            .checkMode("waits in check mode too");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        if (args.has("seconds") && args.has("minutes")) {
            return Outcome.failed("pause takes seconds or minutes, not both");
        }
        if (!args.has("seconds") && !args.has("minutes")) {
            return Outcome.failed("pause needs seconds or minutes: unattended runs cannot wait for a key press");
        }
        Duration d = args.has("seconds") ? Duration.ofSeconds(args.integer("seconds")) : Duration.ofMinutes(args.integer("minutes"));
        if (args.has("prompt")) {
            ctx.log().info(args.str("prompt"));
        }
        long start = System.nanoTime();
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(ctx.connection().host(), "interrupted while pausing", e);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("delta", (System.nanoTime() - start) / 1_000_000_000L);
        r.put("echo", false);
        r.put("user_input", "");
        return Outcome.ok("paused for " + d.toSeconds() + " s", r);
    }
}
