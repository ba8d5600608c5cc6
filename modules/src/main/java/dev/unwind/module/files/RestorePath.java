package dev.unwind.module.files;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Diff;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Shell;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Internal: the automatic undo of the file modules. Puts a path back to what it was: absent, a file
 * (its saved bytes, or for a large file its before-image on the host, renamed back; mode, owner, group), a directory (re-created, or a whole removed tree unpacked from its
 * tar archive) or a link. Idempotent, so a rollback may run it twice. A directory that is to be absent is
 * removed only when empty: anything left in it was not put there by unwind (unwind's own additions were
 * undone before, or its undo failed), so it is kept and the undo fails: the host is not where it started. Every
 * restore is read back from the host and fails when the path is still not as recorded.
 */
public final class RestorePath implements Module {
    public static final String NAME = "restore_path";
    static final String ABSENT = "absent";
    static final String FILE = "file";
    static final String DIRECTORY = "directory";
    static final String LINK = "link";

    private static final ModuleSpec SPEC = ModuleSpec.of(NAME,
                    "Internal: The automatic undo of copy, template, file, lineinfile, blockinfile, replace, ini_file, get_url and unarchive. Puts a path back "
                            + "to its previous kind, content, mode, owner and group. A directory to be made absent is "
                            + "removed only if empty; otherwise it is kept and the undo fails. The result is read back and must match.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("path", ArgType.STR, "the path to restore"),
                    ArgSpec.required("kind", ArgType.STR, "what the path was before").choices(ABSENT, FILE, DIRECTORY, LINK),
                    ArgSpec.optional("backup", ArgType.STR, null, "reference of the file's previous bytes in the run's backups"),
                    ArgSpec.optional("aside", ArgType.STR, null, "the file's before-image kept on the host (a large file)"),
                    ArgSpec.optional("sha256", ArgType.STR, null, "SHA-256 of the before-image, checked on the host before and after"),
                    ArgSpec.optional("archive", ArgType.STR, null, "reference of a tar archive of a removed directory tree"),
                    ArgSpec.optional("src", ArgType.STR, null, "the previous target of a link"),
                    ArgSpec.optional("mode", ArgType.RAW, null, "previous mode"),
                    ArgSpec.optional("owner", ArgType.STR, null, "previous owner"),
                    ArgSpec.optional("group", ArgType.STR, null, "previous group"))
            .returns(Map.of("path", "the restored path", "kept", "true when a directory was kept (and the undo failed) because it was not empty"))
            .checkMode("predicts exactly");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            String path = args.str("path");
            Attributes attrs = new Attributes(Modes.normalize(args.raw("mode")), args.str("owner"), args.str("group"));
            String kind = args.str("kind");
            Outcome o = switch (kind) {
                case ABSENT -> absent(ctx, path);
                case FILE -> args.has("aside") ? fileFromAside(ctx, path, args.str("aside"), args.str("sha256"), attrs)
                        : file(ctx, path, args.str("backup"), attrs);
                case DIRECTORY -> directory(ctx, path, args.str("archive"), attrs);
                case LINK -> link(ctx, path, args.str("src"), attrs);
                default -> Outcome.failed("unknown kind " + kind);
            };
            if (o.failed() || ctx.check()) {
                return o;
            }
            List<String> left = differences(ctx, path, kind, args.str("backup"), args.str("sha256"), attrs, args.str("src"));
            return left.isEmpty() ? o : Outcome.failed(path + " is not as it was after its restore: " + String.join(", ", left)
                    + " (" + o.msg() + ")", o.result());
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private Outcome absent(ModuleContext ctx, String path) throws ConnectionException {
        Connection c = ctx.connection();
        FileStat now = c.stat(path);
        Map<String, Object> r = result(path);
        String q = Shell.quote(path);
        if (!now.exists()) {
            if (!ctx.check()) {
                // a transfer cut off before its rename leaves only its temporary file beside the path
                run(c, "rm -f -- " + q + ".unwind.*", path);
            }
            return Outcome.ok(path + " is absent", r);
        }
        if (now.isDirectory()) {
            ExecResult empty = c.exec(Command.of("[ -z \"$(ls -A -- " + q + ")\" ]"));
            if (!empty.ok()) {
                // not where it started: the host is not as it was, so this undo did not succeed
                r.put("kept", true);
                return Outcome.failed("kept directory " + path + ": it holds files unwind did not put there"
                        + " (or whose undo failed); remove them and roll back again", r);
            }
            if (!ctx.check()) {
                run(c, "rmdir -- " + q, path);
            }
            return changed("removed directory " + path, r);
        }
        if (!ctx.check()) {
            run(c, "rm -f -- " + q, path);
        }
        return changed("removed " + path, r);
    }

    private Outcome file(ModuleContext ctx, String path, String backup, Attributes attrs) throws ConnectionException {
        Connection c = ctx.connection();
        FileStat now = c.stat(path);
        if (now.isDirectory() || now.kind() == FileStat.Kind.OTHER) {
            return Outcome.failed("cannot restore file " + path + ": something else is there now (" + now.kind() + ")");
        }
        byte[] want = backup == null ? null : ctx.backups().load(backup);
        if (want == null && !now.isFile()) {
            return Outcome.failed("cannot restore file " + path + ": it is gone and no backup of its content was taken");
        }
        byte[] current = now.isFile() ? c.get(path).orElse(null) : null;
        boolean writes = !now.isFile() || (want != null && !Arrays.equals(current, want));
        List<String> changes = new ArrayList<>();
        if (writes) {
            changes.add("content restored");
        }
        changes.addAll(attrs.changesFrom(now.isFile() ? now : null));
        Map<String, Object> r = result(path);
        if (changes.isEmpty()) {
            return Outcome.ok(path + " is as it was", r);
        }
        if (!ctx.check()) {
            if (writes) {
                if (now.isLink()) {
                    run(c, "rm -f -- " + Shell.quote(path), path);
                }
                c.put(want, path, attrs.mode());
            }
            attrs.apply(c, path);
        }
        Diff diff = ctx.diff() && writes ? new Diff(path, Texts.forDiff(current), Texts.forDiff(want)) : null;
        return Outcome.changed(path + ": " + String.join(", ", changes), r, diff, Undo.none("restore_path is an undo"));
    }

    /**
     * A large file put back from its before-image on the host. The image is checked against its SHA-256 before it is
     * renamed back. With no image, a path that holds the recorded content is as it was (the run stopped before it
     * replaced it, or an earlier rollback put it back); anything else cannot be restored.
     */
    private Outcome fileFromAside(ModuleContext ctx, String path, String aside, String sha256, Attributes attrs)
            throws ConnectionException {
        Connection c = ctx.connection();
        FileStat now = c.stat(path);
        if (now.isDirectory() || now.kind() == FileStat.Kind.OTHER) {
            return Outcome.failed("cannot restore file " + path + ": something else is there now (" + now.kind() + ")");
        }
        FileStat kept = c.stat(aside);
        boolean restores = kept.isFile();
        if (restores && !HostDigest.SHA256.of(c, aside).equals(sha256)) {
            return Outcome.failed("cannot restore file " + path + ": its before-image " + aside + " no longer holds what was"
                    + " saved (sha256 " + sha256 + ")");
        }
        if (!restores && !(now.isFile() && HostDigest.SHA256.of(c, path).equals(sha256))) {
            return Outcome.failed("cannot restore file " + path + ": its before-image " + aside + " is gone (a run that"
                    + " ended well removes them)");
        }
        List<String> changes = new ArrayList<>();
        if (restores) {
            changes.add("content restored from " + aside);
        }
        changes.addAll(attrs.changesFrom(restores ? kept : now));
        Map<String, Object> r = result(path);
        if (changes.isEmpty()) {
            return Outcome.ok(path + " is as it was", r);
        }
        if (!ctx.check()) {
            if (restores) {
                BeforeImage.putBack(c, aside, path);
            }
            attrs.apply(c, path);
        }
        return Outcome.changed(path + ": " + String.join(", ", changes), r, null, Undo.none("restore_path is an undo"));
    }

    private Outcome directory(ModuleContext ctx, String path, String archive, Attributes attrs) throws ConnectionException {
        Connection c = ctx.connection();
        FileStat now = c.stat(path);
        if (now.exists() && !now.isDirectory()) {
            return Outcome.failed("cannot restore directory " + path + ": something else is there now (" + now.kind() + ")");
        }
        List<String> changes = new ArrayList<>();
        if (!now.exists()) {
            changes.add(archive != null ? "directory tree unpacked" : "directory re-created");
        }
        changes.addAll(attrs.changesFrom(now.exists() ? now : null));
        Map<String, Object> r = result(path);
        if (changes.isEmpty()) {
            return Outcome.ok(path + " is as it was", r);
        }
        if (!ctx.check()) {
            if (!now.exists() && archive != null) {
                String parent = PriorState.parentOf(path);
                HostCommand.run(c, Command.of("mkdir -p -- " + Shell.quote(parent) + " && tar -C " + Shell.quote(parent)
                        + " -xpf -").withStdin(ctx.backups().load(archive)), "cannot unpack the archive of " + path);
            } else if (!now.exists()) {
                run(c, "mkdir -- " + Shell.quote(path), path);
            }
            attrs.apply(c, path);
        }
        return Outcome.changed(path + ": " + String.join(", ", changes), r, null, Undo.none("restore_path is an undo"));
    }

    private Outcome link(ModuleContext ctx, String path, String src, Attributes attrs) throws ConnectionException {
        Connection c = ctx.connection();
        FileStat now = c.stat(path);
        Map<String, Object> r = result(path);
        if (now.isDirectory() || now.kind() == FileStat.Kind.OTHER) {
            return Outcome.failed("cannot restore link " + path + ": something else is there now (" + now.kind() + ")");
        }
        boolean relink = !now.isLink() || !src.equals(now.linkTarget());
        Attributes owners = new Attributes(null, attrs.owner(), attrs.group());
        List<String> changes = new ArrayList<>();
        if (relink) {
            changes.add("link to " + src + " restored");
        }
        changes.addAll(owners.changesFrom(now.isLink() && !relink ? now : null));
        if (changes.isEmpty()) {
            return Outcome.ok(path + " is as it was", r);
        }
        if (!ctx.check()) {
            if (relink) {
                run(c, "rm -f -- " + Shell.quote(path) + " && ln -s -- " + Shell.quote(src) + " " + Shell.quote(path), path);
            }
            owners.apply(c, path);
        }
        return Outcome.changed(path + ": " + String.join(", ", changes), r, null, Undo.none("restore_path is an undo"));
    }

    /**
     * What still differs from the recorded state, read back from the host after the restore: kind, content (against
     * the saved bytes), mode with its special bits, numeric owner and group, the exact link target. Empty when the
     * path is as it was; a restore that did not take (a read-only file system, a racing writer) is no undo.
     */
    private static List<String> differences(ModuleContext ctx, String path, String kind, String backup, String sha256,
                                            Attributes attrs, String src) throws ConnectionException {
        Connection c = ctx.connection();
        FileStat now = c.stat(path);
        List<String> left = new ArrayList<>();
        switch (kind) {
            case ABSENT -> {
                if (now.exists()) {
                    left.add("it still exists (" + now.kind().name().toLowerCase() + ")");
                }
                return left;
            }
            case FILE -> {
                if (!now.isFile()) {
                    left.add("it is " + now.kind().name().toLowerCase() + ", not a file");
                    return left;
                }
                if (backup != null && !Arrays.equals(c.get(path).orElse(null), ctx.backups().load(backup))) {
                    left.add("its content differs from the saved copy");
                }
                if (sha256 != null && !HostDigest.SHA256.of(c, path).equals(sha256)) {
                    left.add("its content differs from the before-image (sha256 " + sha256 + ")");
                }
            }
            case DIRECTORY -> {
                if (!now.isDirectory()) {
                    left.add("it is " + now.kind().name().toLowerCase() + ", not a directory");
                    return left;
                }
            }
            case LINK -> {
                if (!now.isLink() || !now.linkTarget().equals(src)) {
                    left.add(now.isLink() ? "it points to '" + now.linkTarget() + "', not '" + src + "'"
                            : "it is " + now.kind().name().toLowerCase() + ", not a link");
                    return left;
                }
                left.addAll(new Attributes(null, attrs.owner(), attrs.group()).changesFrom(now));
                return left;
            }
            default -> {
                return left;
            }
        }
        left.addAll(attrs.changesFrom(now));
        return left;
    }

    private static Outcome changed(String msg, Map<String, Object> r) {
        return Outcome.changed(msg, r, null, Undo.none("restore_path is an undo"));
    }

    private static Map<String, Object> result(String path) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("path", path);
        return r;
    }

    private static void run(Connection c, String script, String path) throws ConnectionException {
        HostCommand.run(c, Command.of(script), "cannot restore " + path);
    }
}
