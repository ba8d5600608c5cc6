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
import dev.unwind.module.Shell;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code reboot}: reboots the host and waits until it is back — its boot id has changed and the test command
 * succeeds — reconnecting as often as it takes. A reboot has no inverse: its undo is none.
 */
public final class RebootModule implements Module {
    static final String BOOT_ID = "cat /proc/sys/kernel/random/boot_id";
    private static final ModuleSpec SPEC = ModuleSpec.of("reboot",
                    "Reboots the host and waits for it to come back (a new boot id, then test_command succeeds). Undo: none.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.optional("reboot_timeout", ArgType.INT, 600, "seconds to wait for the host to go down and come back"),
                    ArgSpec.optional("connect_timeout", ArgType.INT, 10, "seconds for one attempt to reach the host"),
                    ArgSpec.optional("pre_reboot_delay", ArgType.INT, 0, "seconds to wait before rebooting"),
                    ArgSpec.optional("post_reboot_delay", ArgType.INT, 0, "seconds to wait after the host is back, before test_command"),
                    ArgSpec.optional("test_command", ArgType.STR, "whoami", "must succeed for the host to count as back"),
                    ArgSpec.optional("boot_time_command", ArgType.STR, BOOT_ID, "prints something that changes with every boot"),
                    ArgSpec.optional("reboot_command", ArgType.STR, null, "default: shutdown -r now MSG, else systemctl reboot"),
                    ArgSpec.optional("msg", ArgType.STR, "Reboot initiated by unwind", "message for logged-in users"))
            .returns(Map.of("rebooted", "true", "elapsed", "seconds from the reboot command until the host was back"))
            .checkMode("predicts changed; does not reboot");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        Undo none = Undo.none("a reboot cannot be taken back; the host is up again");
        if (ctx.check()) {
            return Outcome.changed("would reboot", Map.of("rebooted", true), null, none);
        }
        Connection c = ctx.connection();
        Duration attempt = Duration.ofSeconds(args.integer("connect_timeout"));
        ExecResult before = c.exec(Command.of(args.str("boot_time_command")).withTimeout(attempt));
        String bootBefore = before.stdout().strip();
        if (!before.ok() || bootBefore.isEmpty()) {
            return Outcome.failed("cannot read the boot id with '" + args.str("boot_time_command") + "': " + before.stderr().strip());
        }
        try {
            Thread.sleep(args.integer("pre_reboot_delay") * 1000);
            String reboot = args.has("reboot_command") ? args.str("reboot_command")
                    : "shutdown -r now " + Shell.quote(args.str("msg")) + " || systemctl reboot";
            long start = System.nanoTime();
            long deadline = start + args.integer("reboot_timeout") * 1_000_000_000L;
            // detached, so the command returns before the host drops the connection
            String detached = "nohup sh -c " + Shell.quote("sleep 1; " + reboot) + " >/dev/null 2>&1 &";
            ctx.beforeChange(none);
            try {
                ExecResult r = c.exec(Command.of(detached).withTimeout(attempt));
                if (!r.ok()) {
                    return Outcome.failed("the reboot command failed: " + r.stderr().strip());
                }
            } catch (ConnectionException e) {
                ctx.log().info("the connection dropped as the reboot began: " + e.getMessage());
            }
            String lastProblem = waitFor(c, args.str("boot_time_command"), attempt, deadline, out -> !out.isEmpty() && !out.equals(bootBefore), ctx);
            if (lastProblem == null) {
                Thread.sleep(args.integer("post_reboot_delay") * 1000);
                lastProblem = waitFor(c, args.str("test_command"), attempt, deadline, out -> true, ctx);
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
            if (lastProblem != null) {
                return Outcome.failed("the host did not come back within " + args.integer("reboot_timeout") + " s after the reboot ("
                        + lastProblem + ")", Map.of("rebooted", false, "elapsed", elapsed));
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rebooted", true);
            r.put("elapsed", elapsed);
            return Outcome.changed("rebooted", r, null, none);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(c.host(), "interrupted while waiting for the reboot", e);
        }
    }

    /** Runs the command until it succeeds with output that passes; null when it did, else the last problem seen. */
    private static String waitFor(Connection c, String command, Duration attempt, long deadline,
                                  java.util.function.Predicate<String> passes, ModuleContext ctx) throws InterruptedException {
        String problem = "not tried";
        for (int i = 0; System.nanoTime() < deadline; i++) {
            try {
                ExecResult r = c.exec(Command.of(command).withTimeout(attempt));
                if (r.ok() && passes.test(r.stdout().strip())) {
                    return null;
                }
                problem = r.ok() ? "'" + command + "' still shows the old boot" : "'" + command + "' exited " + r.exitCode();
            } catch (ConnectionException e) {
                problem = "unreachable: " + e.getMessage();
                c.reconnect();
            }
            ctx.log().info("waiting for " + c.host() + ": " + problem);
            Thread.sleep(Math.max(1, Math.min(Math.min(1000L + 500L * i, 5000L), (deadline - System.nanoTime()) / 1_000_000)));
        }
        return problem;
    }
}
