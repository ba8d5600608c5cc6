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
import java.util.Map;

/**
 * {@code service}: a service under the host's init system. On a host that runs systemd it is {@code systemd} (and so
 * is its undo); otherwise the sysvinit script {@code /etc/init.d/NAME} with {@code update-rc.d}.
 */
public final class ServiceModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("service",
                    "Controls a service with the host's init system: systemd when the host runs it (see systemd), else "
                            + "sysvinit (/etc/init.d/NAME, update-rc.d). Its undo puts back the previous active, enabled "
                            + "and masked states.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("name", ArgType.STR, "the service"),
                    ArgSpec.optional("state", ArgType.STR, null, "what to do").choices("started", "stopped", "restarted", "reloaded"),
                    ArgSpec.optional("enabled", ArgType.BOOL, null, "start at boot"),
                    ArgSpec.optional("masked", ArgType.BOOL, null, "masked (systemd only)"),
                    ArgSpec.optional("use", ArgType.STR, "auto", "the init system: auto, systemd or sysvinit").choices("auto", "systemd", "sysvinit"),
                    ArgSpec.optional("rc_links", ArgType.BOOL, null,
                            "internal, for the undo on sysvinit: false removes the runlevel links instead of disabling (they were not there)"),
                    ArgSpec.optional("sleep", ArgType.INT, null, "accepted for Ansible's sake; restarts do not pause"),
                    ArgSpec.optional("pattern", ArgType.STR, null, "not supported: a service is found by its script or unit"),
                    ArgSpec.optional("arguments", ArgType.STR, null, "not supported").aliases("args"))
            .returns(Map.of("name", "the service", "state", "started or stopped, after the task", "enabled", "after the task"))
            .checkMode("predicts exactly; a service a package would ship (an earlier apt task of the run) predicts a change");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        if (args.has("pattern") || args.has("arguments")) {
            return Outcome.failed("service: pattern and arguments are not supported");
        }
        Connection c = ctx.connection();
        String use = args.str("use");
        if (use.equals("auto")) {
            use = c.exec(Command.of("[ -d /run/systemd/system ]")).ok() ? "systemd" : "sysvinit";
        }
        if (use.equals("systemd")) {
            SystemdModule systemd = new SystemdModule();
            Map<String, Object> a = new LinkedHashMap<>();
            for (String k : new String[] {"name", "state", "enabled", "masked"}) {
                if (args.has(k)) {
                    a.put(k, args.raw(k));
                }
            }
            return systemd.run(new Args(systemd.spec(), a), ctx);
        }
        if (args.has("masked")) {
            return Outcome.failed("service: masked needs systemd; " + c.host() + " runs sysvinit");
        }
        try {
            return sysv(args, ctx);
        } catch (IllegalStateException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private Outcome sysv(Args args, ModuleContext ctx) throws ConnectionException {
        Connection c = ctx.connection();
        String name = args.str("name");
        SysvState now = SysvState.of(c, name);
        if (!now.found()) {
            Predictions.OnHost p = ctx.predictions();
            if (!ctx.check() || !(p.any(Predictions.Kind.PACKAGE) || p.has(Predictions.Kind.PATH, "/etc/init.d/" + name))) {
                return Outcome.failed("could not find the requested service " + name + ": no /etc/init.d/" + name);
            }
            now = SysvState.AWAITED;
        }
        return plan(args, ctx, name, now);
    }

    /** Decides from the script's state as systemd's plan does, then runs the script's verbs. */
    private Outcome plan(Args args, ModuleContext ctx, String name, SysvState now) throws ConnectionException {
        Connection c = ctx.connection();
        SystemdPlan plan = SystemdPlan.decide(now.asUnit(), args.str("state"), args.has("enabled") ? args.bool("enabled") : null);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        boolean activeAfter = plan.verbs().stream().anyMatch(v -> v.equals("start") || v.equals("restart") || v.equals("reload"))
                || (now.active() && !plan.verbs().contains("stop"));
        r.put("state", activeAfter ? "started" : "stopped");
        r.put("enabled", plan.verbs().contains("enable") || (now.enabled() && !plan.verbs().contains("disable")));
        if (!plan.changes()) {
            return Outcome.ok(name + " is as wanted", r);
        }
        Undo undo;
        if (plan.undoArgs().isEmpty()) {
            undo = Undo.none("the service was running before and runs after the " + plan.verbs().get(plan.verbs().size() - 1));
        } else {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", name);
            a.put("use", "sysvinit");
            a.putAll(plan.undoArgs());
            if (Boolean.FALSE.equals(plan.undoArgs().get("enabled")) && !now.linked()) {
                // update-rc.d disable leaves stop links: the undo of a first enable removes them all
                a.put("rc_links", false);
            }
            undo = Undo.of(ModuleCall.of("service", a));
        }
        if (!ctx.check()) {
            ctx.beforeChange(undo);
            String q = Shell.quote(name);
            for (String verb : plan.verbs()) {
                String script = switch (verb) {
                    // a script without links gets its LSB defaults; one with stop links only is switched back on
                    case "enable" -> now.linked() ? "update-rc.d " + q + " enable" : "update-rc.d " + q + " defaults";
                    case "disable" -> Boolean.FALSE.equals(args.has("rc_links") ? args.bool("rc_links") : null)
                            ? "update-rc.d -f " + q + " remove" : "update-rc.d " + q + " disable";
                    default -> "/etc/init.d/" + q + " " + verb;
                };
                ExecResult x = c.exec(Command.of(script));
                if (!x.ok()) {
                    throw new IllegalStateException(verb + " of " + name + " failed on " + c.host() + ": "
                            + (x.stderr().isBlank() ? x.stdout() : x.stderr()).strip());
                }
            }
        }
        return Outcome.changed(name + ": " + String.join(", ", plan.verbs()), r, null, undo);
    }
}
