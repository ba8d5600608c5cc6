package dev.unwind.module.files;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code template}: renders a FreeMarker template on the controller and puts the text at {@code dest}. */
public final class TemplateModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("template",
                    "Renders a FreeMarker template (*.ftl, found in templates/ beside the playbook, then the playbook's "
                            + "directory, then the repository's templates/) with the host's variables and writes it to the host.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("src", ArgType.STR, "the template"),
                    ArgSpec.required("dest", ArgType.STR, "path on the host"),
                    ArgSpec.optional("mode", ArgType.RAW, null, "octal mode, e.g. '0644'"),
                    ArgSpec.optional("owner", ArgType.STR, null, "owner name"),
                    ArgSpec.optional("group", ArgType.STR, null, "group name"),
                    ArgSpec.optional("force", ArgType.BOOL, true, "replace an existing file whose content differs"),
                    ArgSpec.optional("backup", ArgType.BOOL, false, "keep a copy of a replaced file beside it (removed by the undo)"),
                    ArgSpec.optional("validate", ArgType.STR, null,
                            "command run on the new file (%s) before it replaces dest; when it fails, dest is left as it was"))
            .returns(CopyModule.FILE_RETURNS)
            .checkMode("predicts exactly: renders, then compares content, mode, owner and group; with --diff shows the content change");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            String text;
            try {
                text = ctx.renderTemplate(args.str("src"), Map.of());
            } catch (RuntimeException e) {
                return Outcome.failed("cannot render template " + args.str("src") + ": " + e.getMessage());
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("src", args.str("src"));
            String dest = args.str("dest");
            return ContentPlacement.place(ctx, new PriorState(dest, ctx.connection().stat(dest)), null,
                    Payload.of(text.getBytes(StandardCharsets.UTF_8)), Attributes.from(args), args.bool("force"), extra,
                    "content changed", Safeguards.from(args));
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }
}
