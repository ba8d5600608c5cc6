package dev.unwind.module.packages;

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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code apt}: installs, upgrades or removes Debian packages. The plan is apt's own simulation of the very command
 * the task runs, so check mode predicts what apt would do, dependencies included; the undo inverts that plan.
 */
public final class AptModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("apt",
                    "Manages apt packages. Its undo inverts exactly what apt did, dependencies included: what it newly "
                            + "installed is purged (removed only, when its conffiles were on the host before), and what it "
                            + "upgraded, downgraded or removed is reinstalled at the exact previous version from a .deb kept "
                            + "on the host before the change (" + PriorDebs.ROOT + "RUN), with the conffiles a purge took; a "
                            + "purged package that had only its conffiles left gets them back, and dpkg's record of it. When no .deb of a previous version "
                            + "could be kept and no repository offers it, the undo fails naming the package and version.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.optional("name", ArgType.LIST, null, "packages (a list or a comma-separated string); name=version pins")
                            .aliases("pkg", "package"),
                    ArgSpec.optional("state", ArgType.STR, "present", "the packages' wanted state").choices("present", "absent", "latest"),
                    ArgSpec.optional("deb", ArgType.STR, null, "path of a .deb file on the host to install"),
                    ArgSpec.optional("update_cache", ArgType.BOOL, false, "run apt-get update first (not in check mode)")
                            .aliases("update-cache"),
                    ArgSpec.optional("install_recommends", ArgType.BOOL, null,
                            "install recommended packages too (default: apt's configuration)").aliases("install-recommends"),
                    ArgSpec.optional("purge", ArgType.BOOL, false, "with state=absent, remove conffiles too"),
                    ArgSpec.optional("allow_downgrade", ArgType.BOOL, false, "allow a pin to a lower version than installed")
                            .aliases("allow-downgrade", "allow_downgrades", "allow-downgrades"))
            .returns(Map.of("cache_updated", "whether apt-get update ran", "stdout", "apt-get's output", "stderr",
                    "apt-get's errors", "packages", "what apt did (install, replace, remove, purge) with versions"))
            .checkMode("predicts exactly from apt-get -s with the same arguments (the cache is not updated in check mode);"
                    + " records the packages it would install for later tasks (service)");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            return apply(args, ctx);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private Outcome apply(Args args, ModuleContext ctx) throws ConnectionException {
        Connection c = ctx.connection();
        String state = args.str("state");
        List<PackageName> names = args.list("name").stream().map(PackageName::parse).toList();
        String deb = args.str("deb");
        Map<String, Object> r = new LinkedHashMap<>();
        boolean updated = false;
        if (args.bool("update_cache") && !ctx.check()) {
            ExecResult u = c.exec(AptGet.update());
            if (!u.ok()) {
                return Outcome.failed("apt-get update failed on " + c.host() + ": " + u.stderr().strip(), Map.of("stderr", u.stderr()));
            }
            updated = true;
        }
        r.put("cache_updated", updated);
        if (names.isEmpty() && deb == null) {
            if (!args.bool("update_cache")) {
                return Outcome.failed("apt needs name, deb or update_cache");
            }
            // Ansible: the task changed when the cache was updated; the package lists are a cache, with nothing to undo
            return Outcome.changed("package lists updated", r, null, Undo.none("apt-get update refreshes a cache"));
        }
        if (deb != null && state.equals("absent")) {
            return Outcome.failed("deb installs a package file: state=absent does not go with it");
        }

        Set<String> asked = new LinkedHashSet<>();
        names.forEach(n -> asked.add(n.name()));
        DebFile file = deb == null ? null : DebFile.read(c, deb);
        if (file != null) {
            asked.add(file.name());
        }
        Installed before = Installed.query(c, asked);
        List<String> items = new ArrayList<>();
        String verb = "install";
        if (state.equals("absent")) {
            verb = args.bool("purge") ? "purge" : "remove";
            for (PackageName n : names) {
                Installed.PackageState p = before.of(n.name());
                if (p.installed() || (args.bool("purge") && p.status() == Installed.Status.CONFIG_FILES)) {
                    items.add(n.name());
                }
            }
        } else {
            for (PackageName n : names) {
                String have = before.version(n.name());
                boolean wanted = state.equals("latest") || have == null || (n.version() != null && !n.version().equals(have));
                if (wanted) {
                    items.add(state.equals("latest") ? n.name() : n.spec());
                }
            }
            if (file != null && !file.version().equals(before.version(file.name()))) {
                items.add(file.path());
            }
        }
        if (items.isEmpty()) {
            return Outcome.ok("packages are as wanted", r);
        }
        List<String> options = options(args);
        ExecResult sim = c.exec(AptGet.of(true, verb, options, items));
        if (!sim.ok()) {
            return Outcome.failed("apt-get " + verb + " would fail on " + c.host() + ": " + errors(sim),
                    Map.of("stdout", sim.stdout(), "stderr", sim.stderr()));
        }
        AptPlan plan = AptPlan.parse(sim.stdout());
        if (!plan.changes()) {
            return Outcome.ok("packages are as wanted", r);
        }
        Installed seen = Installed.query(c, plan.names());
        String dir = PriorDebs.folder(ctx.backups().runId());
        Undo undo = Undo.of(inverse(plan, seen, dir));
        r.put("packages", plan.summary());
        if (ctx.check()) {
            plan.steps().stream().filter(s -> s.action() == AptPlan.Action.INSTALL)
                    .forEach(s -> ctx.predictions().add(Predictions.Kind.PACKAGE, s.name()));
            return Outcome.changed(plan.summary(), r, null, undo);
        }
        List<String> lost = new ArrayList<>();
        for (AptPlan.Step s : plan.steps()) {
            Installed.PackageState was = seen.of(s.name());
            String prior = was.installed() || was.status() == Installed.Status.CONFIG_FILES ? was.version() : null;
            if (s.action() == AptPlan.Action.PURGE && prior != null) {
                PriorDebs.keepConffiles(c, dir, s.name());
            }
            if (prior != null && !PriorDebs.keep(c, dir, s.name(), prior)) {
                lost.add(s.name() + " " + prior);
            }
        }
        if (!lost.isEmpty()) {
            ctx.log().info("no .deb could be kept of " + String.join(", ", lost) + ": their undo needs a repository that still offers them");
        }
        ctx.beforeChange(undo);
        ExecResult done = c.exec(AptGet.of(false, verb, options, items));
        r.put("stdout", done.stdout());
        r.put("stderr", done.stderr());
        if (!done.ok()) {
            return Outcome.failed("apt-get " + verb + " failed on " + c.host() + ": " + errors(done), r).withUndo(undo);
        }
        return Outcome.changed(plan.summary() + (lost.isEmpty() ? "" : " (no .deb kept of " + String.join(", ", lost) + ")"),
                r, null, undo);
    }

    private static List<String> options(Args args) {
        List<String> o = new ArrayList<>();
        if (args.has("install_recommends")) {
            o.add(args.bool("install_recommends") ? "--install-recommends" : "--no-install-recommends");
        }
        if (args.bool("allow_downgrade")) {
            o.add("--allow-downgrades");
        }
        return o;
    }

    /**
     * The {@code restore_packages} call that takes the plan back: purge (or remove, where conffiles were there before)
     * what is new, reinstall the previous version of everything else it touched.
     */
    static ModuleCall inverse(AptPlan plan, Installed seen, String dir) {
        List<String> purge = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        List<String> reinstall = new ArrayList<>();
        List<String> configFiles = new ArrayList<>();
        for (AptPlan.Step s : plan.steps()) {
            Installed.PackageState p = seen.of(s.name());
            if (p.installed()) {
                reinstall.add(s.name() + "=" + p.version());
            } else if (p.status() == Installed.Status.CONFIG_FILES) {
                // its conffiles were there: purge would take them too
                if (s.action() == AptPlan.Action.INSTALL) {
                    remove.add(s.name());
                } else {
                    configFiles.add(s.name() + "=" + p.version());
                }
            } else {
                purge.add(s.name());
            }
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("purge", purge);
        a.put("remove", remove);
        a.put("reinstall", reinstall);
        a.put("config_files", configFiles);
        a.put("debs", dir);
        return ModuleCall.of(RestorePackages.NAME, a);
    }

    private static String errors(ExecResult r) {
        return (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip();
    }

    /** A name as a task gives it: {@code nginx} or {@code nginx=1.22.1-9}. */
    record PackageName(String name, String version) {
        static PackageName parse(String s) {
            int eq = s.indexOf('=');
            return eq < 0 ? new PackageName(s.trim(), null) : new PackageName(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }

        String spec() {
            return version == null ? name : name + "=" + version;
        }
    }

    /** A .deb file on the host, with the package and version its control file names. */
    record DebFile(String path, String name, String version) {
        static DebFile read(Connection c, String path) throws ConnectionException {
            ExecResult r = c.exec(Command.of("dpkg-deb -f " + Shell.quote(path) + " Package Version"));
            if (!r.ok()) {
                throw new IllegalStateException("cannot read the package file " + path + " on " + c.host() + ": " + r.stderr().strip());
            }
            Map<String, String> f = new LinkedHashMap<>();
            for (String line : r.stdout().split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    f.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
            // apt-get takes a local file for a package only with a path: ./x.deb, not x.deb
            String p = path.startsWith("/") || path.startsWith("./") ? path : "./" + path;
            return new DebFile(p, f.get("Package"), f.get("Version"));
        }
    }
}
