package dev.unwind.module.control;

import dev.unwind.input.InvalidInput;
import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * {@code include_vars}: reads YAML or JSON vars files on the controller into the host's variables, as Ansible's
 * action does: one {@code file} (looked for under vars/ beside the playbook, then beside it), or every file of a
 * {@code dir} in sorted order, later files winning. The variables land in {@value SetFactModule#FACTS}; the engine
 * merges them at include_vars' precedence (above task vars, below set_fact and registered results). Reads only.
 */
public final class IncludeVarsModule implements Module {
    public static final String NAME = "include_vars";
    private static final List<String> DIR_ARGS = List.of("dir", "depth", "files_matching", "ignore_files", "extensions",
            "ignore_unknown_extensions");

    private static final ModuleSpec SPEC = ModuleSpec.of(NAME,
                    "Loads variables from YAML or JSON files on the controller (a file, or a folder of them).",
                    UndoKind.READ_ONLY,
                    ArgSpec.optional("file", ArgType.STR, null, "the vars file, under vars/ beside the playbook or beside it"),
                    ArgSpec.optional("dir", ArgType.STR, null, "a folder whose files are all read, in sorted order"),
                    ArgSpec.optional("name", ArgType.STR, null, "put the variables under this one variable instead"),
                    ArgSpec.optional("files_matching", ArgType.STR, null, "with dir: only file names this regular expression finds"),
                    ArgSpec.optional("ignore_files", ArgType.LIST, null, "with dir: file names (regular expressions) passed over"),
                    // the dir arguments have no default here: a given one means dir mode, as in Ansible
                    ArgSpec.optional("extensions", ArgType.LIST, null,
                            "with dir: the file extensions read (yaml, yml, json); another is an error unless ignore_unknown_extensions"),
                    ArgSpec.optional("ignore_unknown_extensions", ArgType.BOOL, null, "with dir: pass over other extensions (false)"),
                    ArgSpec.optional("depth", ArgType.INT, null, "with dir: how many folders to read, in sorted order (0, the default: all)"))
            .freeForm("file")
            .returns(Map.of(SetFactModule.FACTS, "the variables read; the engine merges them into the host's variables",
                    "ansible_included_var_files", "the files read, in order"))
            .checkMode("runs: the variables are read in check mode too");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) {
        if (DIR_ARGS.stream().anyMatch(args::has) && args.has("file")) {
            return Outcome.failed("include_vars takes a file or a dir (with depth, files_matching, ignore_files,"
                    + " extensions, ignore_unknown_extensions), not both");
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        List<String> included = new ArrayList<>();
        try {
            if (args.has("dir")) {
                String problem = readDir(args, ctx, vars, included);
                if (problem != null) {
                    return Outcome.failed(problem);
                }
            } else if (args.has("file")) {
                String file = args.str("file").stripTrailing();
                Optional<Path> found = ctx.controllerPath(file, "vars");
                if (found.isEmpty() || !Files.isRegularFile(found.get())) {
                    return Outcome.failed("cannot find vars file '" + file + "' under vars/ beside the playbook, or beside it");
                }
                vars.putAll(ctx.readVars(found.get()));
                included.add(found.get().toString());
            } else {
                return Outcome.failed("include_vars needs a file (include_vars: vars/x.yml) or a dir");
            }
        } catch (InvalidInput e) {
            return Outcome.failed(e.getMessage());
        }
        Map<String, Object> facts = args.has("name") ? Map.of(args.str("name"), vars) : vars;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(SetFactModule.FACTS, facts);
        r.put("ansible_included_var_files", included);
        return Outcome.ok("included " + included.size() + " vars file(s)", r);
    }

    /** Ansible's walk: folders sorted by path, only the first {@code depth} of them, each one's files sorted by name. */
    private static String readDir(Args args, ModuleContext ctx, Map<String, Object> vars, List<String> included) {
        String dir = args.str("dir");
        Optional<Path> root = ctx.controllerPath(dir, "vars");
        if (root.isEmpty()) {
            return dir + " directory does not exist";
        }
        if (!Files.isDirectory(root.get())) {
            return dir + " is not a directory";
        }
        List<String> extensions = args.has("extensions") ? args.list("extensions") : List.of("yaml", "yml", "json");
        Pattern matching;
        List<Pattern> ignored = new ArrayList<>();
        try {
            matching = args.has("files_matching") ? Pattern.compile(args.str("files_matching")) : null;
            for (String ignore : args.has("ignore_files") ? args.list("ignore_files") : List.<String>of()) {
                ignored.add(Pattern.compile(ignore + "$"));
            }
        } catch (PatternSyntaxException e) {
            return "invalid regular expression: " + e.getPattern();
        }
        long depth = args.has("depth") ? args.integer("depth") : 0;
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(root.get())) {
            dirs = walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted((a, b) -> a.toString().compareTo(b.toString()))
                    .limit(depth > 0 ? depth : Long.MAX_VALUE).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "cannot read " + root.get() + ": " + e.getMessage();
        }
        for (Path d : dirs) {
            for (Path file : files(d)) {
                String name = file.getFileName().toString();
                boolean known = extensions.contains(extension(name));
                if (matching != null && !matching.matcher(name).find() || ignored.stream().anyMatch(p -> p.matcher(name).find())
                        || args.bool("ignore_unknown_extensions") && !known) {
                    continue;
                }
                if (!known) {
                    return file + " does not have a valid extension: " + String.join(", ", extensions);
                }
                vars.putAll(ctx.readVars(file));
                included.add(file.toString());
            }
        }
        return null;
    }

    /** What Python's os.walk calls a folder's files: every entry but its folders (links to folders count as folders). */
    private static List<Path> files(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !Files.isDirectory(p) && Files.exists(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Python's splitext: the text after the last dot that does not start the name. */
    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || name.substring(0, dot).chars().allMatch(c -> c == '.') ? "" : name.substring(dot + 1);
    }
}
