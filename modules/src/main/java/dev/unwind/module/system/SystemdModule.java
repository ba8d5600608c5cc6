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
import dev.unwind.module.Predictions;
import dev.unwind.module.Shell;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code systemd}: starts, stops, restarts or reloads a unit and enables or disables it. */
public final class SystemdModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("systemd",
                    "Controls a systemd unit. Its undo puts back the unit's previous active, enabled and masked states "
                            + "(a restart of a running unit needs none).",
                    UndoKind.AUTOMATIC,
                    ArgSpec.optional("name", ArgType.STR, null, "the unit, e.g. docker or docker.service").aliases("service", "unit"),
                    ArgSpec.optional("state", ArgType.STR, null, "what to do").choices("started", "stopped", "restarted", "reloaded"),
                    ArgSpec.optional("enabled", ArgType.BOOL, null, "start at boot"),
                    ArgSpec.optional("masked", ArgType.BOOL, null, "masked (cannot be started at all); unmasking comes first, masking last"),
                    ArgSpec.optional("scope", ArgType.STR, "system", "the systemd instance; only system is supported").choices("system", "user", "global"),
                    ArgSpec.optional("daemon_reload", ArgType.BOOL, false, "run systemctl daemon-reload first (not in check mode)")
                            .aliases("daemon-reload"))
            .returns(Map.of("name", "the unit", "state", "started or stopped, after the task", "enabled", "after the task", "masked", "after the task",
                    "status", "LoadState, ActiveState and UnitFileState before the task"))
            .checkMode("predicts exactly from the unit's current state (restarted and reloaded always change)");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        String name = args.str("name");
        String state = args.str("state");
        Boolean enabled = args.has("enabled") ? args.bool("enabled") : null;
        Boolean masked = args.has("masked") ? args.bool("masked") : null;
        Connection c = ctx.connection();
        if (!args.str("scope", "system").equals("system")) {
            return Outcome.failed("systemd: scope " + args.str("scope") + " is not supported; unwind manages the system instance only");
        }
        if (name == null) {
            if (args.bool("daemon_reload") && state == null && enabled == null && masked == null) {
                if (!ctx.check()) {
                    systemctl(c, "daemon-reload", null);
                }
                return Outcome.ok("daemon reloaded", Map.of());
            }
            return Outcome.failed("systemd needs name (only daemon_reload may go without)");
        }
        try {
            if (args.bool("daemon_reload") && !ctx.check()) {
                systemctl(c, "daemon-reload", null);
            }
            UnitState now = UnitState.parse(systemctl(c, "show -p LoadState -p ActiveState -p UnitFileState", name));
            if (!now.found()) {
                if (!ctx.check() || !awaited(ctx.predictions(), name)) {
                    return Outcome.failed("could not find the requested service " + name);
                }
                now = UnitState.AWAITED;
            }
            SystemdPlan plan = SystemdPlan.decide(now, state, enabled, masked);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", name);
            boolean activeAfter = plan.verbs().stream().anyMatch(v -> v.equals("start") || v.equals("restart") || v.equals("reload"))
                    || (now.active() && !plan.verbs().contains("stop"));
            r.put("state", activeAfter ? "started" : "stopped");
            r.put("enabled", plan.verbs().contains("enable") || (now.enabled() && !plan.verbs().contains("disable")));
            r.put("masked", plan.verbs().contains("mask") || (now.masked() && !plan.verbs().contains("unmask")));
            r.put("status", Map.of("LoadState", now.loadState(), "ActiveState", now.activeState(), "UnitFileState", now.unitFileState()));
            if (!plan.changes()) {
                return Outcome.ok(name + " is as wanted", r);
            }
            Undo undo;
            if (plan.undoArgs().isEmpty()) {
                undo = Undo.none("the unit was running before and runs after the " + plan.verbs().get(plan.verbs().size() - 1));
            } else {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("name", name);
                a.putAll(plan.undoArgs());
                undo = Undo.of(ModuleCall.of("systemd", a));
            }
            if (!ctx.check()) {
                ctx.beforeChange(undo);
                for (String verb : plan.verbs()) {
                    systemctl(c, verb, name);
                }
            }
            return Outcome.changed(name + ": " + String.join(", ", plan.verbs()), r, null, undo);
        } catch (IllegalStateException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    /** The folders systemd loads unit files from, the administrator's first. */
    private static final List<String> UNIT_DIRS = List.of("/etc/systemd/system/", "/run/systemd/system/", "/lib/systemd/system/",
            "/usr/lib/systemd/system/");

    /**
     * In check mode, whether an earlier task would have made the unit by now: placed its file, or installed a
     * package (which may ship it; the real run finds out).
     */
    private static boolean awaited(Predictions.OnHost p, String name) {
        String unit = name.contains(".") ? name : name + ".service";
        return p.has(Predictions.Kind.UNIT, unit) || p.any(Predictions.Kind.PACKAGE)
                || UNIT_DIRS.stream().anyMatch(d -> p.has(Predictions.Kind.PATH, d + unit));
    }

    private static String systemctl(Connection c, String verb, String unit) throws ConnectionException {
        ExecResult r = c.exec(Command.of("systemctl " + verb + (unit == null ? "" : " -- " + Shell.quote(unit))));
        if (!r.ok()) {
            throw new IllegalStateException("systemctl " + verb + (unit == null ? "" : " " + unit) + " failed on " + c.host()
                    + ": " + (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip());
        }
        return r.stdout();
    }
}
