package dev.unwind.module.kernel;

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
import dev.unwind.module.files.Attributes;
import dev.unwind.module.files.ContentPlacement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code modprobe}: loads or unloads a kernel module and, with {@code persistent}, makes it load at boot (or not), as
 * Ansible's community.general.modprobe decides. The undo unloads what it loaded, loads again what it unloaded (with
 * the options modprobe.d gives it), and puts back every configuration file it wrote from its before-image.
 */
public final class ModprobeModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("modprobe",
                    "Loads or unloads a kernel module; with persistent, writes /etc/modules-load.d/NAME.conf and "
                            + "/etc/modprobe.d/NAME.conf (present) or comments out the lines naming it (absent). Undo: "
                            + "unloads what it loaded, loads what it unloaded (the parameters it had are not kept: modprobe.d's "
                            + "apply), and restores the files from their before-images. In a container modprobe is usually refused.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("name", ArgType.STR, "the kernel module"),
                    ArgSpec.optional("state", ArgType.STR, "present", "loaded (present) or not (absent)").choices("present", "absent"),
                    ArgSpec.optional("params", ArgType.STR, "", "module parameters, key=value separated by spaces"),
                    ArgSpec.optional("persistent", ArgType.STR, "disabled", "present: load at boot with params; absent: not; "
                            + "disabled: leave the boot files alone").choices("disabled", "present", "absent"))
            .returns(Map.of("name", "the module", "params", "as given", "state", "as given"))
            .checkMode("predicts exactly; a module to load is tried with modprobe -n, so a missing module fails as for real");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        String name = args.str("name");
        String params = args.str("params", "");
        boolean present = args.str("state").equals("present");
        Connection c = ctx.connection();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("params", params);
        r.put("state", args.str("state"));
        try {
            if (!name.matches("[A-Za-z0-9_-]+")) {
                return Outcome.failed("modprobe: '" + name + "' is not a kernel module name");
            }
            boolean loaded = loaded(c, name);
            List<String> what = new ArrayList<>();
            List<ModuleCall> calls = new ArrayList<>();
            ModuleCall runtimeUndo = null;
            List<String> argv = new ArrayList<>(List.of("modprobe"));
            if (present && !loaded) {
                argv.add(name);
                argv.addAll(Shell.split(params));
                runtimeUndo = ModuleCall.of("modprobe", Map.of("name", name, "state", "absent"));
                what.add("loaded " + name);
            } else if (!present && loaded) {
                argv.addAll(List.of("-r", name));
                runtimeUndo = ModuleCall.of("modprobe", Map.of("name", name, "state", "present"));
                what.add("unloaded " + name);
            }
            if (runtimeUndo != null) {
                if (ctx.check()) {
                    argv.add(1, "-n");
                } else {
                    ctx.beforeChange(Undo.of(runtimeUndo));
                }
                ExecResult m = c.exec(Command.argv(argv));
                if (!m.ok()) {
                    return Outcome.failed("modprobe failed on " + c.host() + ": " + message(m), r);
                }
            }
            String persistent = args.str("persistent");
            ModuleConfig config = persistent.equals("disabled") ? null : ModuleConfig.read(c, name);
            if (config != null && (persistent.equals("present") ? config.makePresent(params) : config.makeAbsent())) {
                List<ModuleCall> fileUndos = new ArrayList<>();
                for (Map.Entry<String, byte[]> e : config.edits().entrySet()) {
                    Outcome placed = ContentPlacement.place(ctx, e.getKey(), e.getValue(), Attributes.NONE, true, Map.of(),
                            "boot configuration of " + name + " changed");
                    if (placed.failed()) {
                        return placed.withUndo(undo(fileUndos, runtimeUndo));
                    }
                    if (placed.changed()) {
                        what.add(placed.msg());
                        if (placed.undo() instanceof Undo.Calls u) {
                            fileUndos.addAll(0, u.calls());
                        }
                    }
                }
                calls.addAll(fileUndos);
            }
            if (what.isEmpty()) {
                return Outcome.ok(name + " is as wanted", r);
            }
            return Outcome.changed(String.join("; ", what), r, null, undo(calls, runtimeUndo));
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage(), r);
        }
    }

    /** The files first, newest first, then the module: the reverse of what was done. */
    private static Undo undo(List<ModuleCall> files, ModuleCall runtime) {
        List<ModuleCall> all = new ArrayList<>(files);
        if (runtime != null) {
            all.add(runtime);
        }
        return new Undo.Calls(all);
    }

    /**
     * Loaded as Ansible sees it: in /proc/modules, or built into the kernel. Where /proc/modules is missing (a container),
     * /sys/module tells, whose entries are the loaded modules and those built-ins that have parameters.
     */
    static boolean loaded(Connection c, String name) throws ConnectionException {
        String n = Shell.quote(name.replace('-', '_'));
        String ko = Shell.quote("/" + name + ".ko");
        ExecResult r = c.exec(Command.of("if [ -r /proc/modules ]; then grep -q \"^\"" + n + "\" \" /proc/modules && exit 0; "
                + "elif [ -d /sys/module/" + n + " ]; then exit 0; fi; "
                + "f=/lib/modules/$(uname -r)/modules.builtin; [ -r \"$f\" ] && grep -q -- " + ko + "'$' \"$f\" && exit 0; exit 1"));
        return r.ok();
    }

    private static String message(ExecResult r) {
        String s = (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip();
        if (s.isEmpty()) {
            s = "exit " + r.exitCode();
        }
        // what a container says: no /lib/modules of the running kernel, or no CAP_SYS_MODULE
        boolean container = s.matches("(?is).*(not found in directory|could not open moddep|operation not permitted|no such file).*");
        return container ? s + " (modprobe is usually refused in a container: it needs the running kernel's modules and CAP_SYS_MODULE)" : s;
    }
}
