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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code lineinfile}: makes sure one line is in a file (replacing what a regexp finds), or that no such line is. */
public final class LineInFileModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("lineinfile",
                    "Ensures a line is present in a text file (replacing the last line regexp matches) or that lines "
                            + "matching regexp, or equal to line, are absent. Regular expressions are Python's as in Ansible "
                            + "(named groups (?P<n>...) are accepted).",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("path", ArgType.STR, "the file").aliases("dest", "destfile", "name"),
                    ArgSpec.optional("regexp", ArgType.STR, null, "regex searched in each line").aliases("regex"),
                    ArgSpec.optional("search_string", ArgType.STR, null, "literal text searched in each line (instead of regexp)"),
                    ArgSpec.optional("line", ArgType.STR, null, "the line (required with state=present)").aliases("value"),
                    ArgSpec.optional("state", ArgType.STR, "present", "present or absent").choices("present", "absent"),
                    ArgSpec.optional("backrefs", ArgType.BOOL, false,
                            "line may use \\1 or \\g<name> from regexp's match; when regexp matches nothing, the file is left alone"),
                    ArgSpec.optional("insertafter", ArgType.STR, null, "EOF (default) or a regex: insert after its last match"),
                    ArgSpec.optional("insertbefore", ArgType.STR, null, "BOF or a regex: insert before its last match"),
                    ArgSpec.optional("firstmatch", ArgType.BOOL, false, "use the first match of regexp/insertafter/insertbefore, not the last"),
                    ArgSpec.optional("create", ArgType.BOOL, false, "create the file when it does not exist"),
                    ArgSpec.optional("mode", ArgType.RAW, null, "octal mode"),
                    ArgSpec.optional("owner", ArgType.STR, null, "owner name"),
                    ArgSpec.optional("group", ArgType.STR, null, "group name"))
            .returns(Map.of("dest", "the file", "found", "lines removed (state=absent)", "checksum", "SHA-1 of the content after"))
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
            if (args.has("insertafter") && args.has("insertbefore")) {
                return Outcome.failed("insertafter and insertbefore are mutually exclusive");
            }
            if (args.has("regexp") && args.has("search_string")) {
                return Outcome.failed("regexp and search_string are mutually exclusive");
            }
            if (present && !args.has("line")) {
                return Outcome.failed("state=present needs line");
            }
            if (!present && !args.has("line") && !args.has("regexp") && !args.has("search_string")) {
                return Outcome.failed("state=absent needs regexp, search_string or line");
            }
            if (args.bool("backrefs") && !args.has("regexp")) {
                return Outcome.failed("backrefs needs regexp");
            }
            FileStat st = ctx.connection().stat(path);
            if (!st.exists() && !present) {
                return Outcome.ok(path + " does not exist: nothing to remove", Map.of("dest", path, "found", 0));
            }
            TextLines text = TextLines.read(ctx.connection(), path, st, args.bool("create"));
            Map<String, Object> extra = new LinkedHashMap<>();
            String what = present ? present(args, text) : absent(args, text, extra);
            return ContentPlacement.place(ctx, path, text.bytes(), Attributes.from(args), true, extra,
                    what == null ? "content changed" : what);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private static String present(Args args, TextLines text) {
        String line = args.str("line");
        boolean first = args.bool("firstmatch");
        int at = -1;
        Matcher match = null;
        if (args.has("regexp")) {
            Pattern re = TextLines.pattern(args.str("regexp"));
            at = text.find(re, first);
            if (at >= 0) {
                match = re.matcher(text.lines.get(at));
                match.find();
            }
        } else if (args.has("search_string")) {
            String literal = args.str("search_string");
            at = text.find(l -> l.contains(literal), first);
        }
        if (at >= 0) {
            String wanted = args.bool("backrefs") ? TextLines.expand(match, line) : line;
            if (text.lines.get(at).equals(wanted)) {
                return null;
            }
            text.lines.set(at, wanted);
            return "line replaced";
        }
        if (args.bool("backrefs")) {
            return null; // Ansible: with backrefs, no match means no change
        }
        if (text.lines.contains(line)) {
            return null;
        }
        text.insert(text.insertionPoint(args.str("insertbefore"), args.str("insertafter"), first), line);
        return "line added";
    }

    private static String absent(Args args, TextLines text, Map<String, Object> extra) {
        int before = text.lines.size();
        if (args.has("regexp")) {
            Pattern re = TextLines.pattern(args.str("regexp"));
            text.lines.removeIf(l -> re.matcher(l).find());
        } else if (args.has("search_string")) {
            String s = args.str("search_string");
            text.lines.removeIf(l -> l.contains(s));
        } else {
            String line = args.str("line");
            text.lines.removeIf(l -> l.equals(line));
        }
        int found = before - text.lines.size();
        extra.put("found", found);
        return found == 0 ? null : found + " line(s) removed";
    }
}
