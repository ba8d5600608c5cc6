package dev.unwind.module.lookup;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Shell;
import dev.unwind.module.UndoKind;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code find}: the files under some folders whose base names match patterns, of a type, size and age, listed with
 * one {@code find} on the host per folder (never changes anything).
 */
public final class FindModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("find", "Lists the files under folders that match patterns, type, size"
                            + " and age (never changes anything).",
                    UndoKind.READ_ONLY,
                    ArgSpec.required("paths", ArgType.LIST, "the folders to look in").aliases("name", "path"),
                    ArgSpec.optional("patterns", ArgType.LIST, List.of(), "globs (or, with use_regex, regular expressions) the"
                            + " base name must match, one of them").aliases("pattern"),
                    ArgSpec.optional("excludes", ArgType.LIST, List.of(), "patterns the base name must not match").aliases("exclude"),
                    ArgSpec.optional("use_regex", ArgType.BOOL, false, "patterns are Python-style regular expressions"),
                    ArgSpec.optional("file_type", ArgType.STR, "file", "what to list").choices("file", "directory", "link", "any"),
                    ArgSpec.optional("recurse", ArgType.BOOL, false, "look into sub-folders too"),
                    ArgSpec.optional("depth", ArgType.INT, null, "how deep to recurse at most"),
                    ArgSpec.optional("hidden", ArgType.BOOL, false, "list names that start with a dot"),
                    ArgSpec.optional("follow", ArgType.BOOL, false, "follow links to folders"),
                    ArgSpec.optional("size", ArgType.STR, null, "at least this size (10k, 1m, 2g), at most with a leading -"),
                    ArgSpec.optional("age", ArgType.STR, null, "at least this old (30s, 5m, 2h, 1d, 1w), at most with a leading -"))
            .returns(Map.of("files", "one mapping per match: path, isdir, isreg, islnk, mode, size, uid, gid, pw_name, gr_name, mtime",
                    "matched", "how many matched", "examined", "how many were looked at"))
            .checkMode("runs: it changes nothing");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        Predicate<String> pick;
        try {
            pick = names(args.list("patterns"), args.bool("use_regex"), true).and(names(args.list("excludes"), args.bool("use_regex"), false).negate());
        } catch (java.util.regex.PatternSyntaxException e) {
            return Outcome.failed("not a regular expression: " + e.getPattern() + " (" + e.getDescription() + ")");
        }
        Long depth = args.integer("depth");
        String levels = args.bool("recurse") ? (depth == null ? "" : " -maxdepth " + depth) : " -maxdepth 1";
        long now = System.currentTimeMillis() / 1000;
        List<Map<String, Object>> files = new ArrayList<>();
        int examined = 0;
        List<String> skipped = new ArrayList<>();
        for (String folder : args.list("paths")) {
            ExecResult r = ctx.connection().exec(Command.of("find " + (args.bool("follow") ? "-L " : "") + Shell.quote(folder)
                    + " -mindepth 1" + levels + " -printf '%y\\t%m\\t%s\\t%U\\t%G\\t%u\\t%g\\t%T@\\t%p\\0'"));
            if (!r.ok() && r.stdout().isEmpty()) {
                skipped.add(folder);
                continue;
            }
            for (String entry : r.stdout().split("\0")) {
                String[] f = entry.split("\t", 9);
                if (f.length < 9) {
                    continue;
                }
                examined++;
                String name = Path.of(f[8]).getFileName().toString();
                if (!args.bool("hidden") && name.startsWith(".") || !type(f[0], args.str("file_type")) || !pick.test(name)
                        || !within(Long.parseLong(f[2]), args.str("size"), FindModule::bytes)
                        || !within(now - (long) Double.parseDouble(f[7]), args.str("age"), FindModule::seconds)) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", f[8]);
                m.put("isdir", f[0].equals("d"));
                m.put("isreg", f[0].equals("f"));
                m.put("islnk", f[0].equals("l"));
                m.put("mode", String.format("%04o", Integer.parseInt(f[1], 8)));
                m.put("size", Long.parseLong(f[2]));
                m.put("uid", Long.parseLong(f[3]));
                m.put("gid", Long.parseLong(f[4]));
                m.put("pw_name", f[5]);
                m.put("gr_name", f[6]);
                m.put("mtime", Double.parseDouble(f[7]));
                files.add(m);
            }
        }
        files.sort(java.util.Comparator.comparing(m -> (String) m.get("path")));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("files", files);
        result.put("matched", files.size());
        result.put("examined", examined);
        if (!skipped.isEmpty()) {
            result.put("skipped_paths", skipped);
        }
        return Outcome.ok("found " + files.size() + " of " + examined + " examined", result);
    }

    private static Predicate<String> names(List<String> patterns, boolean regex, boolean emptyMatches) {
        if (patterns.isEmpty()) {
            return n -> emptyMatches;
        }
        List<Predicate<String>> each = new ArrayList<>();
        for (String p : patterns) {
            if (regex) {
                Pattern re = Pattern.compile(p);
                each.add(n -> re.matcher(n).lookingAt());   // Python's re.match: anchored at the start only
            } else {
                PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + p);
                each.add(n -> glob.matches(Path.of(n)));
            }
        }
        return n -> each.stream().anyMatch(x -> x.test(n));
    }

    private static boolean type(String y, String wanted) {
        return switch (wanted) {
            case "directory" -> y.equals("d");
            case "link" -> y.equals("l");
            case "any" -> true;
            default -> y.equals("f");
        };
    }

    /** At least {@code limit}, or at most when it starts with '-'. */
    private static boolean within(long value, String limit, java.util.function.ToLongFunction<String> unit) {
        if (limit == null || limit.isBlank()) {
            return true;
        }
        boolean atMost = limit.startsWith("-");
        long l = unit.applyAsLong(atMost ? limit.substring(1) : limit);
        return atMost ? value <= l : value >= l;
    }

    private static long bytes(String s) {
        return scaled(s, Map.of('b', 1L, 'k', 1024L, 'm', 1024L * 1024, 'g', 1024L * 1024 * 1024, 't', 1024L * 1024 * 1024 * 1024));
    }

    private static long seconds(String s) {
        return scaled(s, Map.of('s', 1L, 'm', 60L, 'h', 3600L, 'd', 86_400L, 'w', 604_800L));
    }

    private static long scaled(String s, Map<Character, Long> units) {
        String t = s.strip().toLowerCase();
        char last = t.charAt(t.length() - 1);
        Long u = units.get(last);
        return u == null ? Long.parseLong(t) * units.values().stream().min(Long::compare).orElse(1L)
                : Long.parseLong(t.substring(0, t.length() - 1)) * u;
    }
}
