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

import dev.unwind.module.ContentDigest;
import dev.unwind.module.Undo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

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
        String destArg = args.str("dest");
        Path dest = args.bool("flat") ? ctx.localFile(destArg.endsWith("/") ? destArg + PriorState.baseName(src) : destArg)
                : ctx.localFile(destArg).resolve(ctx.connection().host()).resolve(src.replaceFirst("^/+", ""));
        Path fetched = null;
        try {
            // streamed into a file beside dest (renamed over it at the end): the controller never holds the whole file;
            // a check run creates no folder for it
            if (ctx.check() && !Files.isDirectory(dest.getParent())) {
                fetched = Files.createTempFile("fetch", ".tmp");
            } else {
                Files.createDirectories(dest.getParent());
                fetched = Files.createTempFile(dest.getParent(), ".fetch", ".tmp");
            }
            try (OutputStream out = Files.newOutputStream(fetched)) {
                if (!ctx.connection().get(src, out)) {
                    return args.bool("fail_on_missing") ? Outcome.failed("the remote file does not exist: " + src)
                            : Outcome.ok("the remote file does not exist: " + src, Map.of("file", src));
                }
            }
            ContentDigest got = digest(fetched);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("dest", dest.toString());
            r.put("checksum", got.sha1());
            r.put("remote_checksum", got.sha1());
            boolean present = Files.isRegularFile(dest);
            if (present && digest(dest).equals(got)) {
                return Outcome.ok(dest + " is up to date", r);
            }
            Diff diff = ctx.diff() ? new Diff(dest.toString(), present ? shown(dest) : "", shown(fetched)) : null;
            if (!ctx.check()) {
                Files.move(fetched, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return Outcome.changed("fetched " + src + " to " + dest, r, diff,
                    Undo.none("fetch writes only on the controller; the host is unchanged"));
        } catch (IOException e) {
            return Outcome.failed("cannot write on the controller: " + e.getMessage());
        } catch (IllegalStateException e) {
            return Outcome.failed(e.getMessage());
        } finally {
            if (fetched != null) {
                try {
                    Files.deleteIfExists(fetched);
                } catch (IOException ignored) {
                    // a temporary file left in dest's folder; the fetch itself is done or has failed
                }
            }
        }
    }

    private static ContentDigest digest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ContentDigest.of(in);
        }
    }

    private static String shown(Path file) throws IOException {
        long size = Files.size(file);
        return size > Payload.DIFF_LIMIT ? Texts.summary(size, digest(file).sha256()) : Texts.forDiff(Files.readAllBytes(file));
    }
}
