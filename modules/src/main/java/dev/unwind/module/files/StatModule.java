package dev.unwind.module.files;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Shell;
import dev.unwind.module.UndoKind;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code stat}: what a path is, under the result key {@code stat} as in Ansible. */
public final class StatModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("stat", "Reports what a path is (never changes anything).",
                    UndoKind.READ_ONLY,
                    ArgSpec.required("path", ArgType.STR, "the path").aliases("dest", "name"),
                    ArgSpec.optional("get_checksum", ArgType.BOOL, true, "compute the SHA-1 of a regular file"))
            .returns(Map.of("stat", "exists, path, isreg, isdir, islnk, mode (\"0644\"), pw_name, gr_name, size, "
                    + "lnk_target (links), checksum (files, SHA-1)"))
            .checkMode("runs: it changes nothing");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        String path = args.str("path");
        try {
            FileStat st = ctx.connection().stat(path);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("exists", st.exists());
            if (st.exists()) {
                s.put("path", path);
                s.put("isreg", st.isFile());
                s.put("isdir", st.isDirectory());
                s.put("islnk", st.isLink());
                s.put("mode", Modes.display(st.mode()));
                s.put("pw_name", st.owner());
                s.put("gr_name", st.group());
                s.put("size", st.size());
                if (st.isLink()) {
                    s.put("lnk_target", st.linkTarget());
                }
                if (st.isFile() && args.bool("get_checksum")) {
                    ExecResult r = ctx.connection().exec(Command.of("sha1sum -- " + Shell.quote(path)));
                    if (r.ok()) {
                        s.put("checksum", r.stdout().split("\\s+")[0]);
                    }
                }
            }
            return Outcome.ok(path + (st.exists() ? " exists" : " does not exist"), Map.of("stat", s));
        } catch (IllegalStateException e) {
            return Outcome.failed(e.getMessage());
        }
    }
}
