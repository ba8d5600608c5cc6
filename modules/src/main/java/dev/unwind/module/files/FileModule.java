package dev.unwind.module.files;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Diff;
import dev.unwind.module.FileStat;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Predictions;
import dev.unwind.module.Shell;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code file}: makes a path a directory, an (existing) file, an empty file, a symbolic link, or absent,
 * with the wanted mode, owner and group.
 */
public final class FileModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("file",
                    "Sets the state of a path: directory (created with its missing parents), file (must exist; sets "
                            + "attributes), touch (creates an empty file if absent; an existing file keeps its times so "
                            + "the task stays idempotent), link (symbolic link to src) or absent (a file, link or whole tree).",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("path", ArgType.STR, "the path").aliases("dest", "name"),
                    ArgSpec.optional("state", ArgType.STR, "file", "what the path should be")
                            .choices("file", "directory", "absent", "touch", "link", "hard"),
                    ArgSpec.optional("src", ArgType.STR, null, "target of the link (state=link), or the file to link to (state=hard)"),
                    ArgSpec.optional("force", ArgType.BOOL, false, "state=hard: replace a different file at path (its content is kept for the undo)"),
                    ArgSpec.optional("mode", ArgType.RAW, null, "octal mode, e.g. '0755'"),
                    ArgSpec.optional("owner", ArgType.STR, null, "owner name"),
                    ArgSpec.optional("group", ArgType.STR, null, "group name"),
                    ArgSpec.optional("recurse", ArgType.BOOL, false,
                            "state=directory: set mode, owner and group on everything in the tree too (links: owner and group)"))
            .returns(Map.of("path", "the path", "state", "its state after the task",
                    "mode", "mode, as \"0755\" (not for links and absent paths)", "owner", "owner name", "group", "group name"))
            .checkMode("predicts exactly");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            String path = args.str("path");
            Attributes attrs = Attributes.from(args);
            return switch (args.str("state")) {
                case "directory" -> directory(ctx, path, attrs, args.bool("recurse"));
                case "file" -> existingFile(ctx, path, attrs);
                case "touch" -> touch(ctx, path, attrs);
                case "link" -> link(ctx, path, args.str("src"), attrs);
                case "hard" -> HardLink.make(ctx, path, args.str("src"), attrs, args.bool("force"));
                case "absent" -> absent(ctx, path);
                default -> Outcome.failed("unknown state " + args.str("state"));
            };
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private Outcome directory(ModuleContext ctx, String path, Attributes attrs, boolean recurse) throws ConnectionException {
        Connection c = ctx.connection();
        // one command looks at the path, every missing level above it, and the owner and group names
        DirectoryChain.Look look = DirectoryChain.look(c, path.replaceFirst("(.)/+$", "$1"), attrs);
        FileStat now = look.stat();
        if (now.exists() && !now.isDirectory()) {
            return Outcome.failed(path + " exists and is not a directory (" + now.kind().name().toLowerCase() + ")");
        }
        if (now.exists()) {
            return recurse ? TreeAttributes.apply(ctx, path, attrs) : attributesOnly(ctx, path, now, attrs, "directory");
        }
        if (look.blocked() != null) {
            return Outcome.failed("cannot create " + path + ": " + look.blocked() + " exists and is not a directory");
        }
        List<String> missing = look.missing();
        if (ctx.check()) {
            missing.forEach(dir -> ctx.predictions().add(Predictions.Kind.PATH, dir));
            return Outcome.changed("created directory " + path, describe(ctx, path, "directory", attrs),
                    stateDiff(ctx, path, "absent", "directory"), undoOf(missing));
        }
        ctx.beforeChange(undoOf(missing));
        // one command creates every level with its attributes; what another host made meanwhile stays its own
        DirectoryChain.Made made = DirectoryChain.create(c, path, missing, attrs);
        Undo undo = made.created().isEmpty()
                ? Undo.none("another host made " + path + " at the same time: nothing of it is this run's to undo")
                : undoOf(made.created());
        return Outcome.changed("created directory " + path, describe(path, "directory", made.stat()),
                stateDiff(ctx, path, "absent", "directory"), undo);
    }

    /** Removes the directories, innermost first. */
    private static Undo undoOf(List<String> dirs) {
        List<ModuleCall> undo = new ArrayList<>();
        for (String dir : dirs) {
            undo.add(0, new PriorState(dir, FileStat.ABSENT).restoreAttributes());
        }
        return new Undo.Calls(undo);
    }

    private Outcome existingFile(ModuleContext ctx, String path, Attributes attrs) throws ConnectionException {
        FileStat now = ctx.connection().stat(path);
        if (!now.exists()) {
            return Outcome.failed("file " + path + " is absent, cannot continue (use state=touch to create it)");
        }
        if (!now.isFile()) {
            return Outcome.failed(path + " is a " + now.kind().name().toLowerCase() + ", not a file");
        }
        return attributesOnly(ctx, path, now, attrs, "file");
    }

    private Outcome touch(ModuleContext ctx, String path, Attributes attrs) throws ConnectionException {
        Connection c = ctx.connection();
        FileStat now = c.stat(path);
        if (now.exists() && !now.isFile()) {
            return Outcome.failed(path + " is a " + now.kind().name().toLowerCase() + ", not a file");
        }
        if (now.exists()) {
            return attributesOnly(ctx, path, now, attrs, "file");
        }
        // in check mode an earlier task may be the one that creates the directory
        if (!ctx.check() && !c.stat(PriorState.parentOf(path)).isDirectory()) {
            return Outcome.failed("directory " + PriorState.parentOf(path) + " does not exist");
        }
        attrs.verifyNames(c);
        Undo undo = Undo.of(new PriorState(path, FileStat.ABSENT).restoreAttributes());
        if (ctx.check()) {
            ctx.predictions().add(Predictions.Kind.PATH, path);
        } else {
            ctx.beforeChange(undo);
            c.put(new byte[0], path, attrs.mode());
            attrs.apply(c, path);
        }
        return Outcome.changed("created empty file " + path, describe(ctx, path, "file", attrs),
                stateDiff(ctx, path, "absent", "file"), undo);
    }

    private Outcome link(ModuleContext ctx, String path, String src, Attributes attrs) throws ConnectionException {
        if (src == null || src.isBlank()) {
            return Outcome.failed("state=link needs src, the link's target");
        }
        Connection c = ctx.connection();
        PriorState prior = PriorState.of(c, path);
        FileStat now = prior.stat();
        if (now.exists() && !now.isLink()) {
            return Outcome.failed(path + " exists and is a " + now.kind().name().toLowerCase() + ": remove it first to make a link there");
        }
        Attributes owners = new Attributes(null, attrs.owner(), attrs.group());
        boolean relink = !now.isLink() || !src.equals(now.linkTarget());
        List<String> changes = new ArrayList<>();
        if (relink) {
            changes.add(now.isLink() ? "link now points to " + src + " (was " + now.linkTarget() + ")" : "link to " + src + " created");
        }
        changes.addAll(owners.changesFrom(now.isLink() ? now : null));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("path", path);
        r.put("src", src);
        r.put("state", "link");
        if (changes.isEmpty()) {
            return Outcome.ok(path + " is as wanted", r);
        }
        owners.verifyNames(c);
        Undo undo = Undo.of(prior.restoreAttributes());
        if (!ctx.check()) {
            ctx.beforeChange(undo);
            if (relink) {
                exec(c, "rm -f -- " + Shell.quote(path) + " && ln -s -- " + Shell.quote(src) + " " + Shell.quote(path), path);
            }
            owners.apply(c, path);
        }
        return Outcome.changed(path + ": " + String.join(", ", changes), r,
                stateDiff(ctx, path, now.isLink() ? "link -> " + now.linkTarget() : "absent", "link -> " + src), undo);
    }

    private Outcome absent(ModuleContext ctx, String path) throws ConnectionException {
        Connection c = ctx.connection();
        PriorState prior = PriorState.of(c, path);
        FileStat now = prior.stat();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("path", path);
        r.put("state", "absent");
        if (!now.exists()) {
            return Outcome.ok(path + " is absent", r);
        }
        // a large file is moved aside on its host rather than read to the controller (its checksum is for the undo)
        BeforeImage image = now.isFile() && now.size() > BeforeImage.CONTROLLER_LIMIT
                ? BeforeImage.of(path, ctx.check() ? null : HostDigest.SHA256.of(c, path), ctx.backups().runId()) : null;
        ModuleCall undo = image != null ? prior.restoreFrom(image) : switch (now.kind()) {
            case FILE -> prior.restoreFile(ctx, c.get(path).orElseThrow(() -> new IllegalStateException("cannot read " + path)));
            case DIRECTORY -> prior.restoreTree(ctx);
            case LINK -> prior.restoreAttributes();
            default -> throw new IllegalStateException(path + " is neither a file, a directory nor a link: not removing it");
        };
        if (!ctx.check()) {
            ctx.beforeChange(Undo.of(undo));
            if (image != null) {
                image.moveAside(c);
            } else {
                exec(c, "rm -rf -- " + Shell.quote(path), path);
            }
        }
        String was = now.kind().name().toLowerCase();
        return Outcome.changed("removed " + was + " " + path, r, stateDiff(ctx, path, was, "absent"), Undo.of(undo));
    }

    /** The path is already of the right kind: only mode, owner and group may change. */
    private Outcome attributesOnly(ModuleContext ctx, String path, FileStat now, Attributes attrs, String state)
            throws ConnectionException {
        List<String> changes = attrs.changesFrom(now);
        if (changes.isEmpty()) {
            return Outcome.ok(path + " is as wanted", describe(path, state, now));
        }
        Connection c = ctx.connection();
        attrs.verifyNames(c);
        Undo undo = Undo.of(new PriorState(path, now).restoreAttributes());
        if (!ctx.check()) {
            ctx.beforeChange(undo);
            attrs.apply(c, path);
        }
        return Outcome.changed(path + ": " + String.join(", ", changes), describe(ctx, path, state, attrs, now),
                ctx.diff() ? new Diff(path, String.join("\n", before(now, changes)) + "\n", String.join("\n", changes) + "\n") : null,
                undo);
    }

    private static List<String> before(FileStat now, List<String> changes) {
        List<String> out = new ArrayList<>();
        for (String ch : changes) {
            out.add(ch.substring(0, ch.indexOf(" -> ")));
        }
        return out;
    }

    private static Diff stateDiff(ModuleContext ctx, String path, String before, String after) {
        return ctx.diff() ? new Diff(path, "state: " + before + "\n", "state: " + after + "\n") : null;
    }

    private static Map<String, Object> describe(String path, String state, FileStat st) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("path", path);
        r.put("state", state);
        r.put("mode", Modes.display(st.mode()));
        r.put("owner", st.owner());
        r.put("group", st.group());
        return r;
    }

    /** After a change: the real attributes, or in check mode the wanted ones over what is there. */
    private static Map<String, Object> describe(ModuleContext ctx, String path, String state, Attributes wanted, FileStat now)
            throws ConnectionException {
        if (!ctx.check()) {
            return describe(path, state, ctx.connection().stat(path));
        }
        return describe(path, state, new FileStat(true, now.kind(),
                wanted.mode() != null ? wanted.mode() : now.mode(),
                wanted.owner() != null ? wanted.owner() : now.owner(),
                wanted.group() != null ? wanted.group() : now.group(), now.size(), null));
    }

    private static Map<String, Object> describe(ModuleContext ctx, String path, String state, Attributes wanted)
            throws ConnectionException {
        if (!ctx.check()) {
            return describe(path, state, ctx.connection().stat(path));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("path", path);
        r.put("state", state);
        if (wanted.mode() != null) {
            r.put("mode", Modes.display(wanted.mode()));
        }
        if (wanted.owner() != null) {
            r.put("owner", wanted.owner());
        }
        if (wanted.group() != null) {
            r.put("group", wanted.group());
        }
        return r;
    }

    private static void exec(Connection c, String script, String path) throws ConnectionException {
        HostCommand.run(c, Command.of(script), "cannot change " + path);
    }
}
