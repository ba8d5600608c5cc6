package dev.unwind.module.vcs;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ContentDigest;
import dev.unwind.module.ExecResult;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.Shell;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A checkout's {@code .git} as an update found it, so that its undo leaves no trace of the update: everything but the
 * object store as a tar archive (HEAD, refs, reflogs, index, config, FETCH_HEAD...), and the list of the object
 * store's entries, so that what a fetch added there can go again.
 *
 * @param archive   backup reference of the tar of .git without objects
 * @param objects   backup reference of the list of .git/objects entries
 * @param signature digest of the refs, HEAD and object list: equal when the checkout's metadata is as it was
 */
record GitMetadata(String archive, String objects, String signature) {

    static GitMetadata take(ModuleContext ctx, String dest) throws ConnectionException {
        Connection c = ctx.connection();
        ExecResult tar = c.exec(Command.of("tar -C " + Shell.quote(dest) + " --exclude=.git/objects -cf - .git"));
        if (!tar.ok()) {
            throw new IllegalStateException("cannot keep the metadata of " + dest + " on " + c.host() + ": " + tar.stderr().strip());
        }
        String list = objectList(c, dest);
        return new GitMetadata(ctx.backups().save(c.host(), tar.out()),
                ctx.backups().save(c.host(), list.getBytes(StandardCharsets.UTF_8)), signature(c, dest, list));
    }

    static GitMetadata from(Map<String, Object> args) {
        Object a = args.get("metadata");
        return a == null ? null : new GitMetadata(String.valueOf(a), String.valueOf(args.get("objects")), String.valueOf(args.get("signature")));
    }

    void into(Map<String, Object> args) {
        args.put("metadata", archive);
        args.put("objects", objects);
        args.put("signature", signature);
    }

    boolean unchanged(Connection c, String dest) throws ConnectionException {
        return signature.equals(signature(c, dest, objectList(c, dest)));
    }

    /** Puts .git back, but for the object store, exactly as it was. */
    void restoreMetadata(ModuleContext ctx, String dest) throws ConnectionException {
        Connection c = ctx.connection();
        String g = Shell.quote(dest + "/.git");
        must(c, Command.of("find " + g + " -mindepth 1 -maxdepth 1 ! -name objects -exec rm -rf -- {} + && tar -C "
                + Shell.quote(dest) + " -xpf -").withStdin(ctx.backups().load(archive)), dest);
    }

    /** Removes what was added to the object store since (files first, then directories, deepest first). */
    void dropNewObjects(ModuleContext ctx, String dest) throws ConnectionException {
        Connection c = ctx.connection();
        // comm wants both lists in the same sorted order; the deletion goes in reverse order, so contents before their folder
        String t = "\"${TMPDIR:-/tmp}/unwind-git.$$\"";
        String script = "cd " + Shell.quote(dest) + " && LC_ALL=C sort > " + t + " && find .git/objects -print | LC_ALL=C sort"
                + " | LC_ALL=C comm -23 - " + t + " | LC_ALL=C sort -r | { while IFS= read -r p; do "
                + "if [ -d \"$p\" ]; then rmdir -- \"$p\"; else rm -f -- \"$p\"; fi || exit 1; done; }; rc=$?; rm -f " + t + "; exit $rc";
        must(c, Command.of(script).withStdin(ctx.backups().load(objects)), dest);
    }

    private static String objectList(Connection c, String dest) throws ConnectionException {
        ExecResult r = c.exec(Command.of("cd " + Shell.quote(dest) + " && find .git/objects -print | LC_ALL=C sort"));
        if (!r.ok()) {
            throw new IllegalStateException("cannot list the objects of " + dest + " on " + c.host() + ": " + r.stderr().strip());
        }
        return r.stdout();
    }

    private static String signature(Connection c, String dest, String objects) throws ConnectionException {
        ExecResult r = c.exec(Command.of("cd " + Shell.quote(dest) + " && git --no-optional-locks for-each-ref --format='%(objectname) %(refname)'"
                + " && cat .git/HEAD && ls -a .git"));
        if (!r.ok()) {
            throw new IllegalStateException("cannot read the refs of " + dest + " on " + c.host() + ": " + r.stderr().strip());
        }
        return ContentDigest.of((r.stdout() + "\0" + objects).getBytes(StandardCharsets.UTF_8)).sha256();
    }

    private static void must(Connection c, Command cmd, String dest) throws ConnectionException {
        ExecResult r = c.exec(cmd);
        if (!r.ok()) {
            throw new IllegalStateException("cannot restore the metadata of " + dest + " on " + c.host() + ": " + r.stderr().strip());
        }
    }
}
