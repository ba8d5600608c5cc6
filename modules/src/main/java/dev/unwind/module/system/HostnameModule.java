package dev.unwind.module.system;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Shell;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code hostname}: the host's name, both the one it runs with (the kernel's) and the one it boots with
 * (/etc/hostname). Strategies: {@code debian} and {@code generic} write /etc/hostname in place (it may be a bind
 * mount, as in a container, which a rename cannot replace) and run {@code hostname}; {@code systemd} runs
 * {@code hostnamectl set-hostname}.
 */
public final class HostnameModule implements Module {
    static final String FILE = "/etc/hostname";

    private static final ModuleSpec SPEC = ModuleSpec.of("hostname",
                    "Sets the hostname, at runtime and in /etc/hostname. Its undo puts back the previous runtime hostname "
                            + "and /etc/hostname byte for byte (absent if it was).",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("name", ArgType.STR, "the hostname"),
                    ArgSpec.optional("use", ArgType.STR, null, "the strategy (default: debian, which is the file strategy)")
                            .choices("systemd", "debian", "generic"))
            .returns(Map.of("name", "the hostname", "ansible_facts", "ansible_hostname and ansible_nodename after the task"))
            .checkMode("predicts exactly");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        Connection c = ctx.connection();
        String name = args.str("name").strip();
        try {
            if (!name.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})")) {
                return Outcome.failed("'" + name + "' is not a valid hostname");
            }
            String runtime = runtime(c);
            Optional<byte[]> file = c.get(FILE);
            String permanent = file.map(b -> new String(b, StandardCharsets.UTF_8).strip()).orElse("");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", name);
            r.put("ansible_facts", Map.of("ansible_hostname", name.split("\\.")[0], "ansible_nodename", name));
            List<String> changes = new ArrayList<>();
            if (!runtime.equals(name)) {
                changes.add("current hostname " + runtime + " -> " + name);
            }
            if (!permanent.equals(name)) {
                changes.add("permanent hostname " + (permanent.isEmpty() ? "-" : permanent) + " -> " + name);
            }
            if (changes.isEmpty()) {
                return Outcome.ok("hostname is " + name, r);
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("runtime", runtime);
            a.put("file", file.map(b -> ctx.backups().save(c.host(), b)).orElse(RestoreHostname.ABSENT));
            Undo undo = Undo.of(ModuleCall.of(RestoreHostname.NAME, a));
            if (!ctx.check()) {
                ctx.beforeChange(undo);
                if ("systemd".equals(args.str("use"))) {
                    run(c, "hostnamectl set-hostname " + Shell.quote(name));
                } else {
                    if (!permanent.equals(name)) {
                        RestoreHostname.writeInPlace(c, (name + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                    if (!runtime.equals(name)) {
                        run(c, "hostname " + Shell.quote(name));
                    }
                }
            }
            return Outcome.changed(String.join(", ", changes), r, null, undo);
        } catch (IllegalStateException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    static String runtime(Connection c) throws ConnectionException {
        return run(c, "cat /proc/sys/kernel/hostname 2>/dev/null || hostname").strip();
    }

    static String run(Connection c, String script) throws ConnectionException {
        ExecResult r = c.exec(Command.of(script));
        if (!r.ok()) {
            throw new IllegalStateException("`" + script + "` failed on " + c.host() + ": " + r.stderr().strip());
        }
        return r.stdout();
    }
}
