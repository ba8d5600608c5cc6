package dev.unwind.module.packages;

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
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Internal: the automatic undo of {@code apt} and {@code package}. Purges or removes the packages a task added and
 * reinstalls the exact previous versions of those it replaced or removed, from the .debs kept on the host, else from
 * a repository that still offers them. Idempotent; a removal apt would widen to other packages is refused, and the
 * result is read back from dpkg and must match.
 */
public final class RestorePackages implements Module {
    public static final String NAME = "restore_packages";

    private static final ModuleSpec SPEC = ModuleSpec.of(NAME,
                    "Internal: the automatic undo of apt and package. Purges (or removes) the packages a task installed and "
                            + "reinstalls the exact previous version of those it upgraded, downgraded or removed, from the .deb "
                            + "kept on the host before the change, else from a repository. Fails naming the package and version "
                            + "when neither has it. The result is read back from dpkg and must match.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.optional("purge", ArgType.LIST, null, "packages to purge (they had no conffiles on the host before)"),
                    ArgSpec.optional("remove", ArgType.LIST, null, "packages to remove, keeping their conffiles"),
                    ArgSpec.optional("reinstall", ArgType.LIST, null, "name=version of each package to put back"),
                    ArgSpec.optional("config_files", ArgType.LIST, null,
                            "name=version of each purged package that had only its conffiles left: installed, removed, conffiles put back"),
                    ArgSpec.optional("debs", ArgType.STR, null, "the host folder the previous .debs were kept in"))
            .returns(Map.of("packages", "what was done"))
            .checkMode("predicts exactly");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            return restore(args, ctx);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private Outcome restore(Args args, ModuleContext ctx) throws ConnectionException {
        Connection c = ctx.connection();
        List<String> purge = args.list("purge");
        List<String> remove = args.list("remove");
        Map<String, String> reinstall = new LinkedHashMap<>();
        args.list("reinstall").forEach(s -> {
            AptModule.PackageName n = AptModule.PackageName.parse(s);
            reinstall.put(n.name(), n.version());
        });
        Map<String, String> configFiles = new LinkedHashMap<>();
        args.list("config_files").forEach(s -> {
            AptModule.PackageName n = AptModule.PackageName.parse(s);
            configFiles.put(n.name(), n.version());
        });
        Set<String> all = new LinkedHashSet<>(purge);
        all.addAll(configFiles.keySet());
        all.addAll(remove);
        all.addAll(reinstall.keySet());
        Installed now = Installed.query(c, all);
        List<String> toPurge = purge.stream().filter(n -> now.of(n).status() != Installed.Status.NOT_INSTALLED).toList();
        List<String> toRemove = remove.stream().filter(n -> now.of(n).installed()).toList();
        List<String> toInstall = new ArrayList<>();
        reinstall.forEach((n, v) -> {
            if (!v.equals(now.version(n))) {
                toInstall.add(n);
            }
        });
        List<String> toConfig = configFiles.keySet().stream().filter(n -> now.of(n).status() != Installed.Status.CONFIG_FILES).toList();
        List<String> done = new ArrayList<>();
        toPurge.forEach(n -> done.add("purge " + n));
        toRemove.forEach(n -> done.add("remove " + n));
        toInstall.forEach(n -> done.add("reinstall " + n + " " + reinstall.get(n)));
        toConfig.forEach(n -> done.add("put back the conffiles of " + n + " " + configFiles.get(n)));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("packages", String.join(", ", done));
        if (done.isEmpty()) {
            return Outcome.ok("packages are as they were", r);
        }
        // where each version comes from, found before anything is taken away
        List<String> items = new ArrayList<>();
        for (String n : toInstall) {
            items.add(source(c, args.str("debs"), n, reinstall.get(n)));
        }
        for (String n : toConfig) {
            items.add(source(c, args.str("debs"), n, configFiles.get(n)));
        }
        if (ctx.check()) {
            return changed(done, r);
        }
        settleInterrupted(c);
        if (!toPurge.isEmpty()) {
            take(c, "purge", toPurge);
        }
        if (!toRemove.isEmpty()) {
            take(c, "remove", toRemove);
        }
        if (!items.isEmpty()) {
            ExecResult in = c.exec(AptGet.of(false, "install", List.of("--allow-downgrades", "--no-install-recommends"), items));
            if (!in.ok()) {
                return Outcome.failed("cannot " + String.join(", ", done) + " on " + c.host() + ": "
                        + (in.stderr().isBlank() ? in.stdout() : in.stderr()).strip(), r);
            }
        }
        if (!toConfig.isEmpty()) {
            take(c, "remove", toConfig);
        }
        if (args.has("debs")) {
            // the host's own conffiles over the package's, which a reinstall after a purge brought
            for (String n : toInstall) {
                PriorDebs.restoreConffiles(c, args.str("debs"), n);
            }
            for (String n : toConfig) {
                PriorDebs.restoreConffiles(c, args.str("debs"), n);
            }
        }
        Installed after = Installed.query(c, all);
        List<String> left = new ArrayList<>();
        purge.stream().filter(n -> after.of(n).status() != Installed.Status.NOT_INSTALLED).forEach(n -> left.add(n + " is still there"));
        remove.stream().filter(n -> after.of(n).installed()).forEach(n -> left.add(n + " is still installed"));
        configFiles.keySet().stream().filter(n -> after.of(n).status() != Installed.Status.CONFIG_FILES)
                .forEach(n -> left.add(n + " is " + after.of(n).status() + ", not config-files"));
        reinstall.forEach((n, v) -> {
            if (!v.equals(after.version(n)) || after.of(n).status() != Installed.Status.INSTALLED) {
                left.add(n + " is " + (after.version(n) == null ? "not installed" : after.version(n) + " " + after.of(n).status())
                        + ", not " + v);
            }
        });
        if (!left.isEmpty()) {
            return Outcome.failed("packages are not as they were after their restore: " + String.join(", ", left), r);
        }
        return changed(done, r);
    }

    /** The kept .deb of the version, or {@code name=version} when a repository still offers it; else a loud failure. */
    private static String source(Connection c, String dir, String name, String version) throws ConnectionException {
        if (dir != null) {
            ExecResult kept = c.exec(Command.of(PriorDebs.find(dir, name, version)));
            if (kept.ok() && !kept.stdout().isBlank()) {
                return kept.stdout().strip();
            }
        }
        ExecResult offered = c.exec(Command.of("apt-cache show -- " + dev.unwind.module.Shell.quote(name + "=" + version)
                + " >/dev/null 2>&1"));
        if (!offered.ok()) {
            throw new IllegalStateException("cannot reinstall " + name + " " + version + " on " + c.host() + ": no .deb of it was kept"
                    + (dir == null ? "" : " in " + dir) + " and no repository offers that version any longer");
        }
        return name + "=" + version;
    }

    /**
     * Finishes what an interrupted dpkg left half done (the controller killed during the task's apt-get), as apt
     * itself asks before it does anything else; the restore then starts from settled packages.
     */
    private static void settleInterrupted(Connection c) throws ConnectionException {
        ExecResult r = c.exec(Command.of("if [ -n \"$(dpkg --audit 2>/dev/null)\" ]; then DEBIAN_FRONTEND=noninteractive "
                + "dpkg --force-confold --configure -a; fi"));
        if (!r.ok()) {
            throw new IllegalStateException("dpkg --configure -a failed on " + c.host() + ": " + r.stderr().strip());
        }
    }

    /** Removes exactly these packages: a removal apt would widen to others (they now depend on them) is refused. */
    private static void take(Connection c, String verb, List<String> names) throws ConnectionException {
        ExecResult sim = c.exec(AptGet.of(true, verb, List.of(), names));
        if (!sim.ok()) {
            throw new IllegalStateException("cannot " + verb + " " + String.join(", ", names) + " on " + c.host() + ": " + sim.stderr().strip());
        }
        List<String> more = new ArrayList<>(AptPlan.parse(sim.stdout()).names());
        more.removeAll(names);
        if (!more.isEmpty()) {
            throw new IllegalStateException("cannot " + verb + " " + String.join(", ", names) + " on " + c.host() + " alone: apt would "
                    + "also take " + String.join(", ", more) + ", which now depend on them");
        }
        ExecResult r = c.exec(AptGet.of(false, verb, List.of(), names));
        if (!r.ok()) {
            throw new IllegalStateException("cannot " + verb + " " + String.join(", ", names) + " on " + c.host() + ": "
                    + (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip());
        }
    }

    private static Outcome changed(List<String> done, Map<String, Object> r) {
        return Outcome.changed(String.join(", ", done), r, null, Undo.none(NAME + " is an undo"));
    }
}
