package dev.unwind.module.vcs;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Shell;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;

import java.util.Map;

/**
 * Internal: the automatic undo of {@code git}. Removes a clone git made (the whole directory, or its content when the
 * directory was there and empty), or puts an updated checkout back on its prior commit and HEAD, deleting a branch the
 * update made and applying again local modifications it discarded. Idempotent.
 */
public final class RestoreCheckout implements Module {
    public static final String NAME = "restore_checkout";
    static final String ABSENT = "absent";
    static final String EMPTIED = "emptied";
    static final String CHECKOUT = "checkout";
    /** Keeps a stash of discarded modifications reachable until the undo applies it. */
    static final String STASH_REF = "refs/unwind/discarded";

    private static final ModuleSpec SPEC = ModuleSpec.of(NAME,
                    "Internal: The automatic undo of git. Removes a clone it made, or resets a checkout to its prior commit and HEAD.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("path", ArgType.STR, "the checkout"),
                    ArgSpec.required("state", ArgType.STR, "what to restore").choices(ABSENT, EMPTIED, CHECKOUT),
                    ArgSpec.optional("sha", ArgType.STR, null, "the prior commit"),
                    ArgSpec.optional("head", ArgType.STR, null, "the prior HEAD: ref: refs/heads/B, or the commit"),
                    ArgSpec.optional("drop_branch", ArgType.STR, null, "a branch the update created"),
                    ArgSpec.optional("stash", ArgType.STR, null, "a stash commit of local modifications the update discarded"),
                    ArgSpec.optional("metadata", ArgType.STR, null, "backup reference of .git (without its objects) as it was"),
                    ArgSpec.optional("objects", ArgType.STR, null, "backup reference of the list of .git/objects entries as it was"),
                    ArgSpec.optional("signature", ArgType.STR, null, "digest of the refs, HEAD and objects as they were"))
            .returns(Map.of("path", "the checkout"))
            .checkMode("predicts exactly");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            Connection c = ctx.connection();
            String path = args.str("path");
            String q = Shell.quote(path);
            Map<String, Object> r = Map.of("path", path);
            FileStat at = c.stat(path);
            switch (args.str("state")) {
                case ABSENT -> {
                    if (!at.exists()) {
                        return Outcome.ok(path + " is absent", r);
                    }
                    if (!ctx.check()) {
                        must(c, "rm -rf -- " + q);
                    }
                    return changed("removed the clone " + path, r);
                }
                case EMPTIED -> {
                    boolean empty = !at.exists() || c.exec(Command.of("[ -z \"$(ls -A -- " + q + ")\" ]")).ok();
                    if (empty) {
                        return Outcome.ok(path + " is empty", r);
                    }
                    if (!ctx.check()) {
                        must(c, "find " + q + " -mindepth 1 -maxdepth 1 -exec rm -rf -- {} +");
                    }
                    return changed("removed the clone in " + path, r);
                }
                default -> {
                    return checkout(ctx, args, path, r);
                }
            }
        } catch (IllegalStateException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private Outcome checkout(ModuleContext ctx, Args args, String path, Map<String, Object> r) throws ConnectionException {
        Git git = new Git(ctx.connection(), path);
        String sha = args.str("sha");
        String head = args.str("head");
        String drop = args.str("drop_branch");
        String stash = args.str("stash");
        GitMetadata meta = GitMetadata.from(args.asMap());
        if (meta != null) {
            boolean there = sha.equals(git.head()) && head.equals(git.symbolicHead()) && (stash != null || !git.dirty())
                    && meta.unchanged(ctx.connection(), path);
            if (there) {
                return Outcome.ok(path + " is at " + sha + ", .git as it was", r);
            }
            if (ctx.check()) {
                return changed(path + " put back on " + sha, r);
            }
            // the work tree back on the prior commit, then .git as it was, then the discarded modifications, then
            // the objects the update fetched gone
            git.must("reset", "-q", "--hard", sha);
            meta.restoreMetadata(ctx, path);
            if (stash != null) {
                git.must("stash", "apply", "-q", stash);
                // stash apply writes the index and AUTO_MERGE: .git as it was once more
                meta.restoreMetadata(ctx, path);
            }
            meta.dropNewObjects(ctx, path);
            return changed(path + " put back on " + sha + ", .git as it was", r);
        }
        boolean there = sha.equals(git.head()) && head.equals(git.symbolicHead()) && !git.dirty();
        boolean branchLeft = drop != null && git.run("rev-parse", "--verify", "-q", "refs/heads/" + drop).ok();
        boolean stashLeft = stash != null && git.run("rev-parse", "--verify", "-q", STASH_REF).ok();
        if (there && !branchLeft && !stashLeft) {
            return Outcome.ok(path + " is at " + sha, r);
        }
        if (ctx.check()) {
            return changed(path + " put back on " + sha, r);
        }
        if (head.startsWith("ref: refs/heads/")) {
            git.must("checkout", "-q", "--force", "-B", head.substring("ref: refs/heads/".length()), sha);
        } else {
            git.must("checkout", "-q", "--force", "--detach", sha);
        }
        git.must("reset", "-q", "--hard", sha);
        if (branchLeft) {
            git.must("branch", "-q", "-D", drop);
        }
        if (stashLeft) {
            git.must("stash", "apply", "-q", stash);
            git.must("update-ref", "-d", STASH_REF);
        }
        return changed(path + " put back on " + sha, r);
    }

    private static Outcome changed(String msg, Map<String, Object> r) {
        return Outcome.changed(msg, r, null, Undo.none("restore_checkout is an undo"));
    }

    private static void must(Connection c, String script) throws ConnectionException {
        ExecResult r = c.exec(Command.of(script));
        if (!r.ok()) {
            throw new IllegalStateException("cannot restore on " + c.host() + ": " + r.stderr().strip());
        }
    }
}
