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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code replace}: every match of a regular expression in a file replaced, as Ansible's does it (Python's
 * {@code re.subn} with MULTILINE), optionally only in the section after/before other expressions. The undo puts back
 * the file's previous bytes.
 */
public final class ReplaceModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("replace",
                    "Replaces all matches of regexp in a file (Python regular expressions, MULTILINE, as in Ansible; "
                            + "backreferences \\1 and \\g<name> in replace). after/before limit the edit to the text after "
                            + "the first match of after and/or before the first match of before (DOTALL).",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("path", ArgType.STR, "the file").aliases("dest", "destfile", "name"),
                    ArgSpec.required("regexp", ArgType.STR, "Python regular expression searched in the whole file"),
                    ArgSpec.optional("replace", ArgType.STR, "", "the replacement; may use \\1, \\g<1>, \\g<name>"),
                    ArgSpec.optional("after", ArgType.STR, null, "only replace in the text after this expression's match"),
                    ArgSpec.optional("before", ArgType.STR, null, "only replace in the text before this expression's match"),
                    ArgSpec.optional("backup", ArgType.BOOL, false, "keep a copy of the replaced file beside it (removed by the undo)"),
                    ArgSpec.optional("validate", ArgType.STR, null, "command run on the new file (%s) before it replaces the old"),
                    ArgSpec.optional("mode", ArgType.RAW, null, "octal mode"),
                    ArgSpec.optional("owner", ArgType.STR, null, "owner name"),
                    ArgSpec.optional("group", ArgType.STR, null, "group name"))
            .returns(Map.of("msg", "\"N replacements made\"", "backup_file", "the backup's path (backup=true)"))
            .checkMode("predicts exactly; with --diff shows the content change");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            String path = args.str("path");
            FileStat st = ctx.connection().stat(path);
            if (!st.exists()) {
                return Outcome.failed("Path " + path + " does not exist !", Map.of("rc", 257));
            }
            String contents = new String(TextLines.whole(ctx.connection(), path, st), StandardCharsets.UTF_8);
            Edit e = edit(contents, args.str("regexp"), args.str("replace", ""), args.str("after"), args.str("before"));
            String edited = e.changed() ? e.text() : null;
            Map<String, Object> extra = new LinkedHashMap<>();
            // the registered msg is Ansible's: "N replacements made", or empty when nothing was replaced
            extra.put("msg", edited == null ? "" : e.count() + " replacements made");
            if (edited == null) {
                // unchanged content: only the attributes may change, as Ansible's replace does
                Outcome o = ContentPlacement.place(ctx, new PriorState(path, st), null, Payload.of(contents.getBytes(StandardCharsets.UTF_8)),
                        Attributes.from(args), false, extra, "", Safeguards.NONE);
                return o;
            }
            Outcome o = ContentPlacement.place(ctx, new PriorState(path, st), null, Payload.of(edited.getBytes(StandardCharsets.UTF_8)),
                    Attributes.from(args), true, extra, e.count() + " replacements made", Safeguards.from(args));
            return o;
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    /** @param changed false when nothing would change (Ansible: no match, or every replacement equal to its match) */
    record Edit(String text, int count, boolean changed) {
    }

    static Edit edit(String contents, String regexp, String replace, String after, String before) {
        String section = contents;
        int start = 0;
        int end = contents.length();
        String sectionRe = after != null && before != null ? after + "(?P<subsection>.*?)" + before
                : after != null ? after + "(?P<subsection>.*)"
                : before != null ? "(?P<subsection>.*)" + before : null;
        if (sectionRe != null) {
            Matcher m = PythonRegex.compile(sectionRe, Pattern.DOTALL).matcher(contents);
            if (m.find()) {
                start = m.start("subsection");
                end = m.end("subsection");
                section = m.group("subsection");
            }
        }
        PythonRegex.Substitution s = PythonRegex.subn(PythonRegex.compile(regexp, Pattern.MULTILINE), replace, section);
        if (s.count() == 0 || s.text().equals(section)) {
            return new Edit(contents, s.count(), false);
        }
        return new Edit(contents.substring(0, start) + s.text() + contents.substring(end), s.count(), true);
    }
}
