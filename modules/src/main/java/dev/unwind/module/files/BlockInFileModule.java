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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code blockinfile}: keeps a block of lines between two marker lines in a text file. */
public final class BlockInFileModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("blockinfile",
                    "Inserts, updates or removes a block of lines surrounded by marker lines. The default marker is "
                            + "Ansible's, so blocks written by Ansible are recognised.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("path", ArgType.STR, "the file").aliases("dest", "destfile", "name"),
                    ArgSpec.optional("block", ArgType.STR, "", "the lines between the markers").aliases("content"),
                    ArgSpec.optional("marker", ArgType.STR, "# {mark} ANSIBLE MANAGED BLOCK", "marker line; {mark} becomes marker_begin or marker_end"),
                    ArgSpec.optional("marker_begin", ArgType.STR, "BEGIN", "the {mark} of the first marker"),
                    ArgSpec.optional("marker_end", ArgType.STR, "END", "the {mark} of the last marker"),
                    ArgSpec.optional("state", ArgType.STR, "present", "present or absent").choices("present", "absent"),
                    ArgSpec.optional("insertafter", ArgType.STR, null, "for a new block: EOF (default) or a regex, after its last match"),
                    ArgSpec.optional("insertbefore", ArgType.STR, null, "for a new block: BOF or a regex, before its last match"),
                    ArgSpec.optional("create", ArgType.BOOL, false, "create the file when it does not exist"),
                    ArgSpec.optional("mode", ArgType.RAW, null, "octal mode"),
                    ArgSpec.optional("owner", ArgType.STR, null, "owner name"),
                    ArgSpec.optional("group", ArgType.STR, null, "group name"))
            .returns(Map.of("dest", "the file", "checksum", "SHA-1 of the content after"))
            .checkMode("predicts exactly; with --diff shows the content change");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            String path = args.str("path");
            if (args.has("insertafter") && args.has("insertbefore")) {
                return Outcome.failed("insertafter and insertbefore are mutually exclusive");
            }
            String block = args.str("block", "");
            boolean present = args.str("state").equals("present") && !block.isEmpty();
            FileStat st = ctx.connection().stat(path);
            if (!st.exists() && !present) {
                return Outcome.ok(path + " does not exist: no block to remove", Map.of("dest", path));
            }
            TextLines text = TextLines.read(ctx.connection(), path, st, args.bool("create"));
            String marker = args.str("marker");
            String begin = marker.replace("{mark}", args.str("marker_begin"));
            String end = marker.replace("{mark}", args.str("marker_end"));
            List<String> wanted = new ArrayList<>();
            if (present) {
                wanted.add(begin);
                wanted.addAll(TextLines.of(block.getBytes(java.nio.charset.StandardCharsets.UTF_8)).lines);
                wanted.add(end);
            }
            int b = text.lines.indexOf(begin);
            int e = b < 0 ? -1 : text.lines.subList(b, text.lines.size()).indexOf(end) + b;
            String what;
            if (b >= 0 && e >= b) {
                List<String> current = text.lines.subList(b, e + 1);
                if (current.equals(wanted)) {
                    what = null;
                } else {
                    current.clear();
                    text.lines.addAll(b, wanted);
                    what = present ? "block updated" : "block removed";
                }
            } else if (!present) {
                what = null;
            } else {
                int at = text.insertionPoint(args.str("insertbefore"), args.str("insertafter"), false);
                for (int i = 0; i < wanted.size(); i++) {
                    text.insert(at + i, wanted.get(i));
                }
                what = "block inserted";
            }
            return ContentPlacement.place(ctx, path, text.bytes(), Attributes.from(args), true, new LinkedHashMap<>(),
                    what == null ? "content changed" : what);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }
}
