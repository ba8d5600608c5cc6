package dev.unwind.module.files;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Diff;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fetch}: copies a file from the host to the controller, by default to DEST/HOST/SRC so hosts do not
 * overwrite each other ({@code flat: true} writes DEST itself). The host is only read.
 */
public final class FetchModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("fetch",
                    "Copies a file from the host to the controller. Changes nothing on the host, so it needs no undo; "
                            + "it writes only on the controller.",
                    UndoKind.READ_ONLY,
                    ArgSpec.required("src", ArgType.STR, "the file on the host"),
                    ArgSpec.required("dest", ArgType.STR, "directory (or, with flat, file) on the controller, relative to the playbook"),
                    ArgSpec.optional("flat", ArgType.BOOL, false, "write dest itself instead of dest/HOST/src"),
                    ArgSpec.optional("fail_on_missing", ArgType.BOOL, true, "fail when src does not exist"))
            .returns(Map.of("dest", "the controller file", "checksum", "SHA-1 of the content", "remote_checksum", "the same, of the host's file"))
            .checkMode("predicts exactly: compares with the controller file, writes nothing");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        String src = args.str("src");
        try {
            Optional<byte[]> bytes = ctx.connection().get(src);
            if (bytes.isEmpty()) {
                return args.bool("fail_on_missing") ? Outcome.failed("the remote file does not exist: " + src)
                        : Outcome.ok("the remote file does not exist: " + src, Map.of("file", src));
            }
            String destArg = args.str("dest");
            Path dest = args.bool("flat") ? ctx.localFile(destArg.endsWith("/") ? destArg + PriorState.baseName(src) : destArg)
                    : ctx.localFile(destArg).resolve(ctx.connection().host()).resolve(src.replaceFirst("^/+", ""));
            byte[] before = Files.isRegularFile(dest) ? Files.readAllBytes(dest) : null;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("dest", dest.toString());
            r.put("checksum", Texts.sha1(bytes.get()));
            r.put("remote_checksum", Texts.sha1(bytes.get()));
            if (Arrays.equals(before, bytes.get())) {
                return Outcome.ok(dest + " is up to date", r);
            }
            if (!ctx.check()) {
                Files.createDirectories(dest.getParent());
                Path t = Files.createTempFile(dest.getParent(), ".fetch", ".tmp");
                Files.write(t, bytes.get());
                Files.move(t, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            Diff diff = ctx.diff() ? new Diff(dest.toString(), Texts.forDiff(before), Texts.forDiff(bytes.get())) : null;
            return Outcome.changed("fetched " + src + " to " + dest, r, diff,
                    dev.unwind.module.Undo.none("fetch writes only on the controller; the host is unchanged"));
        } catch (IOException e) {
            return Outcome.failed("cannot write on the controller: " + e.getMessage());
        } catch (IllegalStateException e) {
            return Outcome.failed(e.getMessage());
        }
    }
}
