package dev.unwind.module.files;

import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Diff;
import dev.unwind.module.FileStat;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.Outcome;
import dev.unwind.module.Predictions;
import dev.unwind.module.Undo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts whole-file content at a path with the wanted attributes, the one step {@code copy}, {@code template},
 * {@code lineinfile} and {@code blockinfile} share: decide, then (unless in check mode) write atomically,
 * and return the {@code restore_path} undo of what it saw before. A large file already there is compared by its
 * checksum on the host and its before-image kept there ({@link BeforeImage}); a small one is read, so that its
 * bytes can go to the run's backups and into a diff.
 */
public final class ContentPlacement {
    private ContentPlacement() {
    }

    /**
     * @param force  replace an existing file whose content differs (Ansible's {@code force}); when false an
     *               existing file keeps its content and only its attributes are enforced
     * @param result keys to add to the result (such as {@code src})
     */
    public static Outcome place(ModuleContext ctx, String dest, byte[] content, Attributes attrs, boolean force,
                                Map<String, Object> result) throws ConnectionException {
        return place(ctx, dest, Payload.of(content), attrs, force, result, "content changed");
    }

    /** @param contentChange how the message names a change of content ("line added") */
    public static Outcome place(ModuleContext ctx, String dest, byte[] content, Attributes attrs, boolean force,
                                Map<String, Object> result, String contentChange) throws ConnectionException {
        return place(ctx, dest, Payload.of(content), attrs, force, result, contentChange);
    }

    public static Outcome place(ModuleContext ctx, String dest, Payload content, Attributes attrs, boolean force,
                                Map<String, Object> result, String contentChange) throws ConnectionException {
        return place(ctx, new PriorState(dest, ctx.connection().stat(dest)), null, content, attrs, force, result, contentChange);
    }

    /**
     * @param prior     the destination as the caller has just seen it (copy looks whether it is a directory)
     * @param priorSha256 the SHA-256 the same look took of a large destination, or null
     */
    static Outcome place(ModuleContext ctx, PriorState prior, String priorSha256, Payload content, Attributes attrs, boolean force,
                         Map<String, Object> result, String contentChange) throws ConnectionException {
        return place(ctx, prior, priorSha256, content, attrs, force, result, contentChange, Safeguards.NONE);
    }

    /** @param guards Ansible's {@code backup} and {@code validate} */
    public static Outcome place(ModuleContext ctx, PriorState prior, String priorSha256, Payload content, Attributes attrs, boolean force,
                         Map<String, Object> result, String contentChange, Safeguards guards) throws ConnectionException {
        Connection c = ctx.connection();
        String dest = prior.path();
        FileStat now = prior.stat();
        if (now.isDirectory()) {
            return Outcome.failed("destination " + dest + " is a directory");
        }
        if (now.kind() == FileStat.Kind.OTHER) {
            return Outcome.failed("destination " + dest + " is neither a regular file nor a link");
        }
        if (!now.exists()) {
            String parent = PriorState.parentOf(dest);
            // in check mode an earlier task may be the one that creates the directory: predict the file
            if (!ctx.check() && !c.stat(parent).isDirectory()) {
                return Outcome.failed("destination directory " + parent + " does not exist");
            }
        }
        // a large file's checksum is taken when it may be equal, and for the undo of a real replace
        PriorContent before = PriorContent.read(c, dest, now, force && (now.size() == content.size() || !ctx.check()), priorSha256);
        boolean writes = !now.exists() || (force && (now.isLink() || !before.same(content)));
        List<String> changes = new ArrayList<>();
        if (!now.exists()) {
            changes.add("created");
        } else if (writes) {
            changes.add(now.isLink() ? "link replaced by a file" : contentChange);
        }
        // a new or replacing file gets the wanted mode, or the replaced file's mode, or 0644 (Connection.put)
        if (now.exists()) {
            changes.addAll(attrs.changesFrom(now.isLink() ? null : now));
        }
        if (!changes.isEmpty() || writes) {
            attrs.verifyNames(c);
        }

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("dest", dest);
        r.putAll(result);
        // what is written gets its checksum at the end: a new file's transfer need not wait for its source's digest
        r.put("checksum", writes ? null : before.same(content) ? content.digest().sha1() : before.sha1(c, dest));
        r.put("size", writes ? content.size() : before.size());
        if (changes.isEmpty()) {
            describe(r, now, attrs);
            return Outcome.ok(dest + " is as wanted", r);
        }

        BeforeImage image = now.isFile() && writes && before.bytes() == null
                ? BeforeImage.of(dest, before.sha256(), ctx.backups().runId()) : null;
        ModuleCall restore = !now.exists() ? prior.restoreAttributes()
                : image != null ? prior.restoreFrom(image)
                : now.isFile() && writes ? prior.restoreFile(ctx, before.bytes())
                : prior.restoreAttributes();
        // a backup file is unwind's own making: its undo removes it (after the restore, which may need nothing of it)
        String backup = guards.backup() && writes && now.isFile() && !ctx.check() ? Safeguards.backupName(dest) : null;
        List<ModuleCall> calls = new ArrayList<>(List.of(restore));
        if (backup != null) {
            calls.add(new PriorState(backup, FileStat.ABSENT).restoreAttributes());
            r.put("backup_file", backup);
        }
        Undo undo = new Undo.Calls(calls);
        Diff diff = ctx.diff() && writes
                ? new Diff(dest, now.isFile() ? before.forDiff() : "", content.forDiff()) : null;
        if (ctx.check()) {
            describe(r, now, attrs);
            ctx.predictions().add(Predictions.Kind.PATH, dest);
        } else {
            // validated before anything is announced or changed: a failed validation leaves the destination alone
            String staged = writes && guards.validate() != null ? guards.stage(c, content, dest, now, attrs) : null;
            // announced first: a run killed after the link but before the rename still finds the before-image
            ctx.beforeChange(undo);
            if (backup != null) {
                Safeguards.backUp(c, dest, backup);
            }
            if (image != null) {
                image.linkAside(c);
            }
            if (staged != null) {
                Safeguards.commit(c, staged, dest);
            } else if (writes) {
                content.put(c, dest, attrs.mode());
            }
            attrs.apply(c, dest);
            if (writes && content.size() > BeforeImage.CONTROLLER_LIMIT) {
                HostDigest.rememberPlaced(c, dest, content.digest().sha256(), ctx.hostFileDigests());
            }
            describe(r, c.stat(dest), Attributes.NONE);
        }
        if (writes) {
            r.put("checksum", content.digest().sha1());
        }
        return Outcome.changed(dest + ": " + String.join(", ", changes), r, diff, undo);
    }

    private static void describe(Map<String, Object> r, FileStat st, Attributes wanted) {
        String mode = wanted.mode() != null ? wanted.mode() : st.exists() && !st.isLink() ? st.mode() : "644";
        r.put("mode", Modes.display(mode));
        String owner = wanted.owner() != null ? wanted.owner() : st.owner();
        String group = wanted.group() != null ? wanted.group() : st.group();
        if (owner != null) {
            r.put("owner", owner);
        }
        if (group != null) {
            r.put("group", group);
        }
        r.put("state", "file");
    }
}
