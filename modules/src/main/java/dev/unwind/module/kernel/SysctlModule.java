package dev.unwind.module.kernel;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;
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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sysctl}: a kernel parameter in a sysctl file and, with {@code sysctl_set} or a reload, in the running kernel.
 * Changed as Ansible decides: the file's value differs (or the key is there, for absent), or with sysctl_set the
 * kernel's value differs.
 */
public final class SysctlModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("sysctl",
                    "Manages a kernel parameter in a sysctl file (rewritten as Ansible does: key=value lines, repeated keys "
                            + "dropped) and in the running kernel. Its undo puts back the file's previous bytes, mode and owner "
                            + "(restore_path) and every runtime value the task changed, its reload of the file included (restore_sysctl).",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("name", ArgType.STR, "the parameter, e.g. net.ipv4.ip_forward").aliases("key"),
                    ArgSpec.optional("value", ArgType.RAW, null, "its value (required with state=present)").aliases("val"),
                    ArgSpec.optional("state", ArgType.STR, "present", "whether the file sets it").choices("present", "absent"),
                    ArgSpec.optional("sysctl_file", ArgType.STR, "/etc/sysctl.conf", "the file"),
                    ArgSpec.optional("reload", ArgType.BOOL, true, "after a change, load the file (sysctl -p FILE)"),
                    ArgSpec.optional("sysctl_set", ArgType.BOOL, false, "also set the value in the kernel (sysctl -w), checked against it"),
                    ArgSpec.optional("ignoreerrors", ArgType.BOOL, false, "ignore unknown keys (sysctl -e)"))
            .returns(Map.of("name", "the parameter", "value", "the value wanted", "state", "present or absent",
                    "before", "the kernel's value before the task"))
            .checkMode("predicts exactly; with --diff shows the file's change");

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
        String name = args.str("name").strip();
        boolean present = args.str("state").equals("present");
        if (present && !args.has("value")) {
            return Outcome.failed("sysctl: state=present needs value");
        }
        String value = present ? SysctlFile.normalize(args.raw("value")) : null;
        String path = args.str("sysctl_file");
        boolean ignore = args.bool("ignoreerrors");
        FileStat st = c.stat(path);
        if (st.exists() && !st.isFile()) {
            return Outcome.failed("sysctl_file " + path + " is not a regular file");
        }
        SysctlFile file = SysctlFile.parse(st.exists() ? new String(c.get(path).orElse(new byte[0]), StandardCharsets.UTF_8) : "");
        String inFile = file.values().get(name);
        String before = RuntimeValues.read(c, List.of(name)).get(name.replace('/', '.'));

        boolean writeFile = present ? !SysctlFile.same(value, inFile) : inFile != null;
        boolean setRuntime = false;
        if (present && args.bool("sysctl_set")) {
            if (before == null && !ignore) {
                return Outcome.failed("setting " + name + " is not known to the kernel of " + c.host());
            }
            setRuntime = before != null && !SysctlFile.same(value, before);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("value", value);
        r.put("state", args.str("state"));
        r.put("before", before);
        if (!writeFile && !setRuntime) {
            return Outcome.ok(name + " is as wanted", r);
        }
        SysctlFile after = file.with(name, value);
        boolean reload = args.bool("reload");
        // what the kernel will be told: the key itself, and every key of the file a reload loads
        Set<String> touched = new LinkedHashSet<>();
        if (setRuntime) {
            touched.add(name);
        }
        if (reload) {
            touched.addAll(after.values().keySet());
        }
        Map<String, String> prior = RuntimeValues.read(c, touched);
        List<ModuleCall> calls = new ArrayList<>();
        Map<String, Object> ra = new LinkedHashMap<>();
        ra.put("values", new LinkedHashMap<>(prior));
        ModuleCall runtimeUndo = ModuleCall.of(RestoreSysctl.NAME, ra);
        if (!prior.isEmpty()) {
            calls.add(runtimeUndo);
        }
        List<String> what = new ArrayList<>();
        Outcome placed = null;
        if (writeFile) {
            // the file's before-image and its restore are the file modules' own
            placed = ContentPlacement.place(ctx, path, after.text().getBytes(StandardCharsets.UTF_8), Attributes.NONE, true,
                    Map.of(), present ? "set " + name + "=" + value : "removed " + name);
            if (placed.failed()) {
                return placed;
            }
            if (placed.undo() instanceof Undo.Calls u) {
                calls.addAll(u.calls());
            }
            what.add(path + ": " + (present ? name + "=" + value : name + " removed"));
        }
        if (setRuntime) {
            what.add(name + ": " + before + " -> " + value);
        }
        Undo undo = new Undo.Calls(calls);
        if (!ctx.check() && (setRuntime || reload)) {
            if (!prior.isEmpty()) {
                ctx.beforeChange(Undo.of(runtimeUndo));
            }
            if (setRuntime) {
                RuntimeValues.write(c, name, value, ignore);
            }
            if (reload) {
                ExecResult p = c.exec(Command.of("sysctl " + (ignore ? "-e " : "") + "-p " + Shell.quote(path)));
                if (!p.ok()) {
                    return Outcome.failed("failed to reload sysctl: " + (p.stderr().isBlank() ? p.stdout() : p.stderr()).strip(), r)
                            .withUndo(undo);
                }
            }
        }
        return Outcome.changed(String.join("; ", what), r, placed == null ? null : placed.diff(), undo);
    }
}
