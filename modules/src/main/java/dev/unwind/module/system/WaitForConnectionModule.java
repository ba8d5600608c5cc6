package dev.unwind.module.system;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;

import java.time.Duration;
import java.util.Map;

/**
 * {@code wait_for_connection}: runs {@code true} on the host until it answers, reconnecting after every failed
 * attempt (what Ansible's ping test does). Changes nothing, so it runs in check mode too.
 */
public final class WaitForConnectionModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("wait_for_connection",
                    "Waits until the host can be reached and runs a command (true), reconnecting between attempts.",
                    UndoKind.READ_ONLY,
                    ArgSpec.optional("timeout", ArgType.INT, 600, "seconds before failing"),
                    ArgSpec.optional("delay", ArgType.INT, 0, "seconds to wait before the first attempt"),
                    ArgSpec.optional("sleep", ArgType.INT, 1, "seconds between attempts"),
                    ArgSpec.optional("connect_timeout", ArgType.INT, 5, "seconds for one attempt"))
            .returns(Map.of("elapsed", "seconds waited"))
            .checkMode("runs as always: it changes nothing");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        Connection c = ctx.connection();
        long start = System.nanoTime();
        long deadline = start + args.integer("timeout") * 1_000_000_000L;
        Duration attempt = Duration.ofSeconds(Math.max(1, args.integer("connect_timeout")));
        String problem = "not tried";
        try {
            Thread.sleep(args.integer("delay") * 1000);
            while (true) {
                try {
                    ExecResult r = c.exec(Command.of("true").withTimeout(attempt));
                    if (r.ok()) {
                        return Outcome.ok("the host answers", Map.of("elapsed", elapsed(start)));
                    }
                    problem = "'true' exited " + r.exitCode() + ": " + r.stderr().strip();
                } catch (ConnectionException e) {
                    problem = "unreachable: " + e.getMessage();
                    c.reconnect();
                }
                if (System.nanoTime() >= deadline) {
                    return Outcome.failed("timed out waiting for the connection after " + args.integer("timeout") + " s (" + problem + ")",
                            Map.of("elapsed", elapsed(start)));
                }
                ctx.log().info("waiting for " + c.host() + ": " + problem);
                Thread.sleep(Math.max(1, Math.min(args.integer("sleep") * 1000, (deadline - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(c.host(), "interrupted while waiting for the connection", e);
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000_000L;
    }
}
