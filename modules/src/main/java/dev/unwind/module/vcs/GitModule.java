package dev.unwind.module.vcs;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.FileStat;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Predictions;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code git}: a checkout of {@code repo} at {@code version} in {@code dest}, made by the host's git. The undo removes a
 * clone it made; an update is undone by putting the checkout back on the commit and branch it was on.
 */
public final class GitModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("git",
                    "Clones a git repository into dest, or updates the checkout there to version (a branch, a tag or a "
                            + "full commit SHA; default the remote's HEAD). A work tree with local modifications is left "
                            + "alone and the task fails, unless force=true discards them (the undo applies them again).",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("repo", ArgType.STR, "the repository URL (file://, https://, ssh, a path)").aliases("name"),
                    ArgSpec.required("dest", ArgType.STR, "the checkout's directory"),
                    ArgSpec.optional("version", ArgType.STR, "HEAD", "branch, tag or full SHA-1 to check out"),
                    ArgSpec.optional("force", ArgType.BOOL, false, "discard local modifications of tracked files"),
                    ArgSpec.optional("depth", ArgType.INT, null, "shallow clone with this many commits"),
                    ArgSpec.optional("update", ArgType.BOOL, true, "fetch and check out version in an existing checkout"),
                    ArgSpec.optional("clone", ArgType.BOOL, true, "clone when dest holds no checkout"),
                    ArgSpec.optional("remote", ArgType.STR, "origin", "the remote's name"))
            .returns(Map.of("before", "the commit checked out before (null for a new clone)", "after", "the commit checked out after",
                    "remote_url_changed", "always false: the remote's URL is not changed"))
            .checkMode("predicts exactly: asks the remote (git ls-remote) what version is, and compares it with the checkout");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            Connection c = ctx.connection();
            String repo = args.str("repo");
            String dest = args.str("dest").replaceFirst("(.)/+$", "$1");
            String version = args.str("version", "HEAD");
            FileStat at = c.stat(dest);
            boolean checkout = at.isDirectory() && c.stat(dest + "/.git").exists();
            Git none = new Git(c, null);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("remote_url_changed", false);
            if (!checkout) {
                return clone(ctx, args, repo, dest, version, at, none, r);
            }
            Git git = new Git(c, dest);
            String before = git.head();
            r.put("before", before);
            boolean dirty = git.dirty();
            if (dirty && !args.bool("force")) {
                return Outcome.failed("Local modifications exist in the destination: " + dest + " (force=no).", r);
            }
            if (!args.bool("update")) {
                r.put("after", before);
                return Outcome.ok(dest + " is not updated (update=no)", r);
            }
            Git.Target target = Git.resolve(git, repo, version);
            if (target == null) {
                return Outcome.failed("Failed to find version " + version + " in " + repo, r);
            }
            r.put("after", target.sha());
            String wantHead = target.branch() != null ? "ref: refs/heads/" + target.branch() : target.sha();
            String head = git.symbolicHead();
            if (target.sha().equals(before) && wantHead.equals(head) && !dirty) {
                return Outcome.ok(dest + " is at " + version + " (" + before + ")", r);
            }
            boolean newBranch = target.branch() != null && !git.run("rev-parse", "--verify", "-q", "refs/heads/" + target.branch()).ok();
            // .git as found: the looks above wrote nothing (no optional locks), the stash below will
            GitMetadata meta = GitMetadata.take(ctx, dest);
            String stash = dirty && !ctx.check() ? git.must("stash", "create") : null;
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("path", dest);
            u.put("state", RestoreCheckout.CHECKOUT);
            u.put("sha", before);
            u.put("head", head);
            if (newBranch) {
                u.put("drop_branch", target.branch());
            }
            if (stash != null && !stash.isEmpty()) {
                u.put("stash", stash);
            }
            meta.into(u);
            Undo undo = Undo.of(ModuleCall.of(RestoreCheckout.NAME, u));
            String msg = dest + ": " + (before == null ? "none" : before) + " -> " + target.sha() + (dirty ? " (local modifications discarded)" : "");
            if (ctx.check()) {
                return Outcome.changed(msg, r, null, undo);
            }
            if (stash != null && !stash.isEmpty()) {
                // the stash commit must outlive a gc until the run is done with it: a ref the undo deletes again
                git.must("update-ref", RestoreCheckout.STASH_REF, stash);
            }
            ctx.beforeChange(undo);
            String remote = args.str("remote", "origin");
            List<String> fetch = new ArrayList<>(List.of("fetch", "-q", "--tags", remote));
            if (args.has("depth")) {
                fetch.add(2, "--depth=" + args.integer("depth"));
            }
            git.must(fetch.toArray(String[]::new));
            if (target.branch() != null) {
                git.must("checkout", "-q", "--force", "-B", target.branch(), target.sha());
            } else {
                if (!git.run("cat-file", "-e", target.sha() + "^{commit}").ok()) {
                    git.must("fetch", "-q", remote, target.sha());
                }
                git.must("checkout", "-q", "--force", "--detach", target.sha());
            }
            git.must("reset", "-q", "--hard", target.sha());
            return Outcome.changed(msg, r, null, undo);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private Outcome clone(ModuleContext ctx, Args args, String repo, String dest, String version, FileStat at, Git none,
                          Map<String, Object> r) throws ConnectionException {
        Connection c = ctx.connection();
        if (at.exists() && !at.isDirectory()) {
            return Outcome.failed("destination path '" + dest + "' already exists and is not a directory");
        }
        boolean empty = at.isDirectory() && c.exec(dev.unwind.module.Command.of(
                "[ -z \"$(ls -A -- " + dev.unwind.module.Shell.quote(dest) + ")\" ]")).ok();
        if (at.isDirectory() && !empty) {
            return Outcome.failed("destination path '" + dest + "' already exists and is not an empty directory, nor a checkout");
        }
        r.put("before", null);
        Git.Target target = Git.resolve(none, repo, version);
        if (target == null) {
            return Outcome.failed("Failed to find version " + version + " in " + repo, r);
        }
        r.put("after", target.sha());
        if (!args.bool("clone")) {
            return Outcome.ok(dest + " holds no checkout and clone=no", r);
        }
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("path", dest);
        u.put("state", at.exists() ? RestoreCheckout.EMPTIED : RestoreCheckout.ABSENT);
        Undo undo = Undo.of(ModuleCall.of(RestoreCheckout.NAME, u));
        String msg = "cloned " + repo + " into " + dest + " at " + version + " (" + target.sha() + ")";
        if (ctx.check()) {
            ctx.predictions().add(Predictions.Kind.PATH, dest);
            return Outcome.changed(msg, r, null, undo);
        }
        ctx.beforeChange(undo);
        List<String> cl = new ArrayList<>(List.of("clone", "-q", "--origin", args.str("remote", "origin")));
        if (args.has("depth")) {
            cl.add("--depth=" + args.integer("depth"));
        }
        boolean named = !version.equals("HEAD") && !version.equals(target.sha());
        if (named) {
            cl.addAll(List.of("--branch", version));
        }
        cl.addAll(List.of("--", repo, dest));
        none.must(cl.toArray(String[]::new));
        if (!named && !version.equals("HEAD")) {
            Git git = new Git(c, dest);
            if (!git.run("cat-file", "-e", target.sha() + "^{commit}").ok()) {
                git.must("fetch", "-q", args.str("remote", "origin"), target.sha());
            }
            git.must("checkout", "-q", "--detach", target.sha());
        }
        return Outcome.changed(msg, r, null, undo);
    }
}
