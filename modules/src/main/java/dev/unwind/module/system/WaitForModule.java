package dev.unwind.module.system;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Shell;
import dev.unwind.module.UndoKind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wait_for}: waits, on the host, until a TCP port accepts connections (or stops accepting them), or a
 * path exists (optionally containing text matching {@code search_regex}) or is gone.
 */
public final class WaitForModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("wait_for",
                    "Waits until a port on (or seen from) the host is open or closed, or a file exists, contains a match "
                            + "or is gone. drained is not supported.",
                    UndoKind.READ_ONLY,
                    ArgSpec.optional("host", ArgType.STR, "127.0.0.1", "the address to connect to, from the host"),
                    ArgSpec.optional("port", ArgType.INT, null, "TCP port"),
                    ArgSpec.optional("path", ArgType.STR, null, "a file (instead of port)"),
                    ArgSpec.optional("search_regex", ArgType.STR, null, "with path: text the file must contain"),
                    ArgSpec.optional("state", ArgType.STR, "started", "started/present: open or existing; stopped/absent: closed or gone")
                            .choices("started", "present", "stopped", "absent"),
                    ArgSpec.optional("timeout", ArgType.INT, 300, "seconds before failing"),
                    ArgSpec.optional("delay", ArgType.INT, 0, "seconds to wait before the first check"),
                    ArgSpec.optional("sleep", ArgType.INT, 1, "seconds between checks"),
                    ArgSpec.optional("connect_timeout", ArgType.INT, 5, "seconds for one connection attempt"),
                    ArgSpec.optional("msg", ArgType.STR, null, "message on timeout"))
            .returns(Map.of("elapsed", "seconds waited", "match_groups", "groups of search_regex's match", "state", "the state waited for"))
            .checkMode("skipped: what it waits for may be created by tasks that check mode does not run");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        if (args.has("port") == args.has("path")) {
            return Outcome.failed("wait_for needs exactly one of port and path");
        }
        if (args.has("search_regex") && !args.has("path")) {
            return Outcome.failed("search_regex works with path only");
        }
        if (ctx.check()) {
            return Outcome.skipped("skipped in check mode");
        }
        boolean present = switch (args.str("state")) {
            case "started", "present" -> true;
            default -> false;
        };
        Pattern regex = args.has("search_regex") ? Pattern.compile(args.str("search_regex"), Pattern.MULTILINE) : null;
        long start = System.nanoTime();
        long deadline = start + args.integer("timeout") * 1_000_000_000L;
        Connection c = ctx.connection();
        try {
            Thread.sleep(args.integer("delay") * 1000);
            while (true) {
                List<String> groups = new ArrayList<>();
                boolean holds = args.has("port") ? portOpen(c, args) == present : pathHolds(c, args.str("path"), regex, groups) == present;
                if (holds) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("elapsed", (System.nanoTime() - start) / 1_000_000_000L);
                    r.put("state", args.str("state"));
                    if (regex != null && present) {
                        r.put("match_groups", groups);
                    }
                    return Outcome.ok(what(args) + " is " + args.str("state"), r);
                }
                if (System.nanoTime() >= deadline) {
                    return Outcome.failed(args.str("msg", "timeout when waiting for " + what(args) + " to be " + args.str("state")),
                            Map.of("elapsed", (System.nanoTime() - start) / 1_000_000_000L));
                }
                Thread.sleep(Math.min(args.integer("sleep") * 1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(c.host(), "interrupted while waiting", e);
        }
    }

    private static String what(Args args) {
        return args.has("port") ? args.str("host") + ":" + args.integer("port") : args.str("path");
    }

    /** Connects from the host itself: bash's /dev/tcp where bash exists, nc otherwise. */
    private static boolean portOpen(Connection c, Args args) throws ConnectionException {
        String host = args.str("host");
        long port = args.integer("port");
        long t = args.integer("connect_timeout");
        String probe = "exec 3<>/dev/tcp/" + host + "/" + port;
        String script = "if command -v bash >/dev/null 2>&1; then timeout " + t + " bash -c " + Shell.quote(probe)
                + " 2>/dev/null; else nc -z -w " + t + " " + Shell.quote(host) + " " + port + "; fi";
        return c.exec(Command.of(script)).ok();
    }

    private static boolean pathHolds(Connection c, String path, Pattern regex, List<String> groups) throws ConnectionException {
        if (regex == null) {
            return c.stat(path).exists();
        }
        Optional<byte[]> bytes = c.get(path);
        if (bytes.isEmpty()) {
            return false;
        }
        Matcher m = regex.matcher(new String(bytes.get(), StandardCharsets.UTF_8));
        if (!m.find()) {
            return false;
        }
        for (int i = 1; i <= m.groupCount(); i++) {
            groups.add(m.group(i));
        }
        return true;
    }
}
