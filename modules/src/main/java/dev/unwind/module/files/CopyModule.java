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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code copy}: puts a controller file ({@code src}) or literal {@code content} at {@code dest}. */
public final class CopyModule implements Module {
    static final Map<String, String> FILE_RETURNS = Map.of(
            "dest", "the file written",
            "checksum", "SHA-1 of the content",
            "size", "size in bytes",
            "mode", "mode, as \"0644\"",
            "owner", "owner name",
            "group", "group name",
            "state", "always \"file\"");

    private static final ModuleSpec SPEC = ModuleSpec.of("copy",
                    "Copies a file from the controller, or literal content, to a host; atomically (temporary file, then rename). "
                            + "A file of any size is streamed; one already there is compared by its checksum on the host.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.optional("src", ArgType.STR, null, "file on the controller, looked up beside the playbook"),
                    ArgSpec.optional("content", ArgType.STR, null, "literal content instead of src"),
                    ArgSpec.required("dest", ArgType.STR, "path on the host; an existing directory receives dest/basename(src)"),
                    ArgSpec.optional("mode", ArgType.RAW, null, "octal mode, e.g. '0644' (an unquoted 0644 works too)"),
                    ArgSpec.optional("owner", ArgType.STR, null, "owner name"),
                    ArgSpec.optional("group", ArgType.STR, null, "group name"),
                    ArgSpec.optional("force", ArgType.BOOL, true, "replace an existing file whose content differs"),
                    ArgSpec.optional("remote_src", ArgType.BOOL, false, "src is a file on the host, copied there"),
                    ArgSpec.optional("backup", ArgType.BOOL, false, "keep a copy of a replaced file beside it (removed by the undo)"),
                    ArgSpec.optional("validate", ArgType.STR, null,
                            "command run on the new file (%s) before it replaces dest; when it fails, dest is left as it was"))
            .returns(withSrc())
            .checkMode("predicts exactly: compares content, mode, owner and group; with --diff shows the content change")
            ;

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            if (args.has("src") == args.has("content")) {
                return Outcome.failed("copy needs exactly one of src or content");
            }
            String dest = args.str("dest");
            Payload payload;
            Map<String, Object> extra = new LinkedHashMap<>();
            Path src = null;
            if (args.has("src") && args.bool("remote_src")) {
                if (ctx.check() && !ctx.connection().stat(args.str("src")).exists()
                        && ctx.predictions().has(dev.unwind.module.Predictions.Kind.PATH, args.str("src"))) {
                    // an earlier task would make src: the real run copies it then
                    ctx.predictions().add(dev.unwind.module.Predictions.Kind.PATH, dest);
                    return Outcome.changed(dest + ": copied from " + args.str("src") + " (predicted: an earlier task would make it)",
                            Map.of("dest", dest, "src", args.str("src")), null,
                            dev.unwind.module.Undo.none("predicted from an earlier task's change; the real run journals its undo"));
                }
                Payload.HostFile onHost = HostSource.of(ctx.connection(), args.str("src"));
                payload = onHost;
                extra.put("src", onHost.source());
                if (dest.endsWith("/") || ctx.connection().stat(dest).isDirectory()) {
                    dest = dest.replaceFirst("/+$", "") + "/" + PriorState.baseName(onHost.source());
                }
                return ContentPlacement.place(ctx, new PriorState(dest, ctx.connection().stat(dest)), null, payload,
                        Attributes.from(args), args.bool("force"), extra, "content changed", Safeguards.from(args));
            } else if (args.has("src")) {
                src = ctx.localFile(args.str("src"));
                if (Files.isDirectory(src)) {
                    return Outcome.failed("src " + src + " is a directory: copy copies single files");
                }
                if (!Files.isRegularFile(src)) {
                    return Outcome.failed("src " + src + " does not exist on the controller");
                }
                payload = Payload.of(src, ctx.sourceDigests());
                extra.put("src", src.toString());
            } else {
                payload = Payload.of(String.valueOf(args.raw("content")).getBytes(StandardCharsets.UTF_8));
            }
            // one look at the destination tells whether it is a directory and, when it is not, what it is now; for a
            // large file of the source's size it also takes the checksum that decides whether it is the same
            FileStat at = null;
            String sha256 = null;
            if (dest.endsWith("/")) {
                at = null;
            } else if (payload.size() > BeforeImage.CONTROLLER_LIMIT && args.bool("force")) {
                HostDigest.Seen seen = HostDigest.statWithSha256(ctx.connection(), dest, payload.size(), ctx.hostFileDigests());
                at = seen.stat();
                sha256 = seen.sha256();
            } else {
                at = ctx.connection().stat(dest);
            }
            if (src != null && (at == null || at.isDirectory())) {
                dest = dest.replaceFirst("/+$", "") + "/" + src.getFileName();
                at = null;
                sha256 = null;
            }
            PriorState prior = new PriorState(dest, at != null ? at : ctx.connection().stat(dest));
            return ContentPlacement.place(ctx, prior, sha256, payload, Attributes.from(args), args.bool("force"), extra,
                    "content changed", Safeguards.from(args));
        } catch (IOException e) {
            return Outcome.failed("cannot read src: " + e.getMessage());
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private static Map<String, String> withSrc() {
        Map<String, String> m = new LinkedHashMap<>(FILE_RETURNS);
        m.put("src", "the controller file copied (with src)");
        return m;
    }
}
