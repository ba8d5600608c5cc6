package dev.unwind.module.system;

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
import dev.unwind.module.Shell;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Internal: the undo of {@code hostname}. Puts back the runtime hostname and /etc/hostname's bytes (written in place:
 * it may be a bind mount), reads both back, and fails unless they are as recorded. Idempotent.
 */
public final class RestoreHostname implements Module {
    public static final String NAME = "restore_hostname";
    static final String ABSENT = "absent";

    private static final ModuleSpec SPEC = ModuleSpec.of(NAME,
                    "Internal: The automatic undo of hostname. Puts back the previous runtime hostname and /etc/hostname "
                            + "(or removes it); both are read back and must match.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("runtime", ArgType.STR, "the previous runtime hostname"),
                    ArgSpec.required("file", ArgType.STR, "reference of /etc/hostname's previous bytes, or absent"))
            .returns(Map.of("name", "the runtime hostname after the undo"))
            .checkMode("predicts exactly");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        Connection c = ctx.connection();
        try {
            String runtime = args.str("runtime");
            byte[] want = ABSENT.equals(args.str("file")) ? null : ctx.backups().load(args.str("file"));
            List<String> changes = new ArrayList<>();
            Optional<byte[]> now = c.get(HostnameModule.FILE);
            boolean writes = want == null ? now.isPresent() : now.isEmpty() || !Arrays.equals(now.get(), want);
            boolean renames = !HostnameModule.runtime(c).equals(runtime);
            if (writes) {
                changes.add(HostnameModule.FILE + " restored");
            }
            if (renames) {
                changes.add("runtime hostname " + runtime + " restored");
            }
            Map<String, Object> r = Map.of("name", runtime);
            if (changes.isEmpty()) {
                return Outcome.ok("hostname is as it was", r);
            }
            if (!ctx.check()) {
                if (writes && want == null) {
                    HostnameModule.run(c, "rm -f " + HostnameModule.FILE);
                } else if (writes) {
                    writeInPlace(c, want);
                }
                if (renames) {
                    HostnameModule.run(c, "hostname " + Shell.quote(runtime));
                }
                Optional<byte[]> back = c.get(HostnameModule.FILE);
                boolean fileOk = want == null ? back.isEmpty() : back.isPresent() && Arrays.equals(back.get(), want);
                if (!fileOk || !HostnameModule.runtime(c).equals(runtime)) {
                    return Outcome.failed("the hostname is not as it was after its restore", r);
                }
            }
            return Outcome.changed(String.join(", ", changes), r, null, Undo.none("restore_hostname is an undo"));
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    /** /etc/hostname rewritten in place, keeping its inode (and a bind mount over it). */
    static void writeInPlace(Connection c, byte[] content) throws ConnectionException {
        ExecResult r = c.exec(Command.of("cat > " + HostnameModule.FILE).withStdin(content));
        if (!r.ok()) {
            throw new IllegalStateException("cannot write " + HostnameModule.FILE + " on " + c.host() + ": " + r.stderr().strip());
        }
    }
}
