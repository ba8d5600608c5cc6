package dev.unwind.module.files;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.FileStat;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** {@code slurp}: a file's content, base64-encoded, as Ansible returns it. */
public final class SlurpModule implements Module {
    /** The result holds the whole file (and base64 a third more): beyond this, fetch is the module to use. */
    static final long LIMIT = 64L * 1024 * 1024;

    private static final ModuleSpec SPEC = ModuleSpec.of("slurp", "Reads a file from the host into the result (base64); files up to 64 MiB.",
                    UndoKind.READ_ONLY,
                    ArgSpec.required("src", ArgType.STR, "the file").aliases("path"))
            .returns(Map.of("content", "the bytes, base64", "encoding", "always base64", "source", "the file read"))
            .checkMode("runs: it changes nothing");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        String src = args.str("src");
        try {
            FileStat st = ctx.connection().stat(src);
            if (st.isFile() && st.size() > LIMIT) {
                return Outcome.failed(src + " is " + st.size() + " bytes: slurp reads files up to " + LIMIT
                        + " bytes into the result; use fetch for larger ones");
            }
            Optional<byte[]> bytes = ctx.connection().get(src);
            if (bytes.isEmpty()) {
                return Outcome.failed("file not found: " + src);
            }
            return Outcome.ok("read " + src + " (" + bytes.get().length + " bytes)",
                    Map.of("content", Base64.getEncoder().encodeToString(bytes.get()), "encoding", "base64", "source", src));
        } catch (IllegalStateException e) {
            return Outcome.failed(e.getMessage());
        }
    }
}
