package dev.unwind.module.files;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.Outcome;
import dev.unwind.module.Shell;
import dev.unwind.module.Undo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code file state=directory recurse=true}: the mode, owner and group on a whole tree. The tree is read in one
 * command; the undo puts back the prior attributes of exactly the paths that change, and the change is one more
 * command. Links get owner and group only (their mode means nothing).
 */
final class TreeAttributes {
    private TreeAttributes() {
    }

    /** The owner and group names were verified by the look that found {@code root} a directory. */
    static Outcome apply(ModuleContext ctx, String root, Attributes attrs) throws ConnectionException {
        Connection c = ctx.connection();
        Attributes owners = new Attributes(null, attrs.owner(), attrs.group());
        List<ModuleCall> undo = new ArrayList<>();
        List<String> differ = new ArrayList<>();
        int changes = 0;
        for (PriorState p : tree(c, root)) {
            List<String> ch = (p.stat().isLink() ? owners : attrs).changesFrom(p.stat());
            if (!ch.isEmpty()) {
                undo.add(p.restoreAttributes());
                differ.add(p.path());
                changes++;
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("path", root);
        r.put("state", "directory");
        if (changes == 0) {
            return Outcome.ok(root + " and everything in it are as wanted", r);
        }
        Undo u = new Undo.Calls(undo);
        if (!ctx.check()) {
            ctx.beforeChange(u);
            // each differing path given its attributes, read from stdin: one command however large the tree
            String steps = "if [ -L \"$p\" ]; then " + orTrue(owners.shell("\"$p\"")) + "; else " + orTrue(attrs.shell("\"$p\"")) + "; fi";
            ExecResult done = c.exec(Command.of("while IFS= read -r p; do " + steps + " || exit 1; done")
                    .withStdin((String.join("\n", differ) + "\n").getBytes(StandardCharsets.UTF_8)));
            if (!done.ok()) {
                throw new IllegalStateException("cannot set mode/owner in " + root + " on " + c.host() + ": " + done.stderr().strip());
            }
        }
        r.put("changed_paths", changes);
        return Outcome.changed(root + ": attributes of " + changes + " path(s) set", r, null, u);
    }

    private static String orTrue(String script) {
        return script.isEmpty() ? ":" : script;
    }

    /** Every path of the tree with its attributes, the root first. */
    private static List<PriorState> tree(Connection c, String root) throws ConnectionException {
        ExecResult r = c.exec(Command.of("find " + Shell.quote(root) + " -printf '%y\\t%m\\t%U\\t%G\\t%u\\t%g\\t%p\\t%l\\0'"));
        if (!r.ok()) {
            throw new IllegalStateException("cannot read the tree " + root + " on " + c.host() + ": " + r.stderr().strip());
        }
        List<PriorState> out = new ArrayList<>();
        for (String entry : r.stdout().split("\0")) {
            if (entry.isEmpty()) {
                continue;
            }
            String[] f = entry.split("\t", 8);
            FileStat.Kind kind = switch (f[0]) {
                case "d" -> FileStat.Kind.DIRECTORY;
                case "f" -> FileStat.Kind.FILE;
                case "l" -> FileStat.Kind.LINK;
                default -> FileStat.Kind.OTHER;
            };
            if (kind == FileStat.Kind.OTHER) {
                continue; // sockets, fifos, devices: left alone
            }
            out.add(new PriorState(f[6], new FileStat(true, kind, Modes.canonical(f[1]), f[4], f[5], 0,
                    kind == FileStat.Kind.LINK ? f[7] : null, f[2], f[3])));
        }
        return out;
    }
}
