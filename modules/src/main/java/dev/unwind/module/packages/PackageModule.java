package dev.unwind.module.packages;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code package}: the host's own package manager under one name. The manager is {@code use}, else the
 * {@code ansible_pkg_mgr} fact, else found on the host; only apt is here, and any other is refused by name.
 */
public final class PackageModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("package",
                    "Manages packages with the host's package manager (apt; others are refused clearly). Arguments, the "
                            + "manager's own included, go to that module unchanged, and so does its undo.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("name", ArgType.LIST, "packages (a list or a comma-separated string)").aliases("pkg"),
                    ArgSpec.required("state", ArgType.STR, "present, absent or latest").choices("present", "absent", "latest", "installed", "removed"),
                    ArgSpec.optional("use", ArgType.STR, "auto", "the package manager; auto finds the host's"))
            .returns(Map.of("(as the manager's module)", "see unwind doc apt"))
            .checkMode("as the manager's module: apt predicts exactly")
            // as in Ansible, the manager's own arguments (update_cache, purge) pass through; apt checks them
            .acceptingAnyArgs();

    /** The managers Ansible names, in the order a host is probed for them. */
    private static final String PROBE = "for m in apt-get:apt dnf:dnf yum:yum zypper:zypper apk:apk pacman:pacman; do "
            + "command -v \"${m%%:*}\" >/dev/null 2>&1 && echo \"${m#*:}\" && exit 0; done; echo unknown";

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        String use = args.str("use");
        if (use.equals("auto")) {
            Object fact = ctx.vars().get("ansible_pkg_mgr");
            use = fact != null ? String.valueOf(fact) : probe(ctx);
        }
        if (!use.equals("apt")) {
            return Outcome.failed("package: the package manager of " + ctx.connection().host() + " is " + use
                    + "; unwind manages packages with apt only");
        }
        Module apt = ctx.catalog().find("apt").orElseThrow();
        Map<String, Object> a = new LinkedHashMap<>(args.asMap());
        a.remove("use");
        for (String k : a.keySet()) {
            if (apt.spec().arg(k).isEmpty()) {
                return Outcome.failed("package: apt has no argument " + k);
            }
        }
        String state = String.valueOf(a.get("state"));
        a.put("state", switch (state) {
            case "installed" -> "present";
            case "removed" -> "absent";
            default -> state;
        });
        return apt.run(new Args(apt.spec(), a), ctx);
    }

    private static String probe(ModuleContext ctx) throws ConnectionException {
        ExecResult r = ctx.connection().exec(Command.of(PROBE));
        return r.ok() ? r.stdout().strip() : "unknown";
    }
}
