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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ini_file}: one option of one section of an INI file set, or removed, as Ansible's does it. */
public final class IniFileModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("ini_file",
                    "Sets or removes an option (or a whole section) of an INI file, editing it line by line as Ansible's "
                            + "ini_file does: comments and order are kept, a commented-out option is reused. The undo puts "
                            + "back the file's previous bytes, or removes a file it created.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("path", ArgType.STR, "the INI file").aliases("dest"),
                    ArgSpec.optional("section", ArgType.STR, null, "section name; omitted or null for the global options before the first section"),
                    ArgSpec.optional("option", ArgType.STR, null, "option name; without it, state=absent removes the section").aliases("key"),
                    ArgSpec.optional("value", ArgType.STR, null, "the option's value"),
                    ArgSpec.optional("values", ArgType.LIST, null, "several values of a repeated option"),
                    ArgSpec.optional("state", ArgType.STR, "present", "present or absent").choices("present", "absent"),
                    ArgSpec.optional("exclusive", ArgType.BOOL, true, "other lines of the option go (present), or all of them go (absent)"),
                    ArgSpec.optional("no_extra_spaces", ArgType.BOOL, false, "write option=value, not option = value"),
                    ArgSpec.optional("ignore_spaces", ArgType.BOOL, false, "a line that differs only in spaces is not changed"),
                    ArgSpec.optional("allow_no_value", ArgType.BOOL, false, "an option without a value may stand alone"),
                    ArgSpec.optional("create", ArgType.BOOL, true, "create the file when it does not exist (else fail)"),
                    ArgSpec.optional("backup", ArgType.BOOL, false, "keep a copy of the replaced file beside it (removed by the undo)"),
                    ArgSpec.optional("mode", ArgType.RAW, null, "octal mode"),
                    ArgSpec.optional("owner", ArgType.STR, null, "owner name"),
                    ArgSpec.optional("group", ArgType.STR, null, "group name"))
            .returns(Map.of("path", "the file", "msg", "what changed: OK, option added, option changed, section and option added, "
                    + "only section added, section removed", "backup_file", "the backup's path (backup=true)"))
            .checkMode("predicts exactly; with --diff shows the content change");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            String path = args.str("path");
            boolean present = args.str("state").equals("present");
            List<String> values = new ArrayList<>(args.has("values") ? args.list("values") : List.of());
            if (args.has("value") && values.isEmpty()) {
                values.add(args.str("value"));
            }
            FileStat st = ctx.connection().stat(path);
            if (!st.exists() && !args.bool("create")) {
                return Outcome.failed("Destination " + path + " does not exist!", Map.of("rc", 257));
            }
            String text = st.exists() ? new String(TextLines.whole(ctx.connection(), path, st), StandardCharsets.UTF_8) : "";
            IniEdit.Result edit = new IniEdit(args.str("section"), args.str("option"), values, present, args.bool("exclusive"),
                    args.bool("no_extra_spaces"), args.bool("allow_no_value"), args.bool("ignore_spaces")).apply(text);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("path", path);
            extra.put("msg", edit.msg());
            if (!st.exists() && !present) {
                // Ansible leaves a missing file alone when there is nothing to remove
                return Outcome.ok(path + " does not exist: nothing to remove", extra);
            }
            // a new file's missing parent directories are made first, as Ansible does, and removed after it by the undo
            List<String> made = st.exists() ? List.of() : MissingParents.make(ctx, path, MissingParents.of(ctx, path));
            Outcome o = ContentPlacement.place(ctx, new PriorState(path, st), null,
                    Payload.of(edit.text().getBytes(StandardCharsets.UTF_8)), Attributes.from(args), edit.changed() || !st.exists(),
                    extra, edit.msg(), new Safeguards(args.bool("backup"), null));
            return MissingParents.withRemoval(o, made);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }
}
