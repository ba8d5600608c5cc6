package dev.unwind.module.files;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.Shell;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a path was before a module touched it, and the {@code restore_path} call that brings it back.
 * The bytes an undo needs go to {@link dev.unwind.module.Backups}, or for a large file stay on the host as a
 * {@link BeforeImage}; the call carries only the reference.
 */
public record PriorState(String path, FileStat stat) {

    public static PriorState of(Connection c, String path) throws ConnectionException {
        return new PriorState(path, c.stat(path));
    }

    /** The previous kind as {@code restore_path} names it. */
    public String kind() {
        return switch (stat.kind()) {
            case ABSENT -> RestorePath.ABSENT;
            case FILE -> RestorePath.FILE;
            case DIRECTORY -> RestorePath.DIRECTORY;
            case LINK -> RestorePath.LINK;
            case OTHER -> throw new IllegalStateException(path + " is neither a regular file, a directory nor a link");
        };
    }

    /** Puts back the kind, mode, owner and group, without content (what a change of attributes only needs). */
    public ModuleCall restoreAttributes() {
        return ModuleCall.of(RestorePath.NAME, base());
    }

    /** Puts back the file's previous bytes too, saved now. */
    public ModuleCall restoreFile(ModuleContext ctx, byte[] previousBytes) {
        Map<String, Object> a = base();
        a.put("backup", ctx.backups().save(ctx.connection().host(), previousBytes));
        return ModuleCall.of(RestorePath.NAME, a);
    }

    /** Puts back a large file from its before-image on the host, checked against its SHA-256 there. */
    public ModuleCall restoreFrom(BeforeImage image) {
        Map<String, Object> a = base();
        a.put("aside", image.aside());
        a.put("sha256", image.sha256());
        return ModuleCall.of(RestorePath.NAME, a);
    }

    /** Puts back a whole directory tree, archived now with tar. */
    public ModuleCall restoreTree(ModuleContext ctx) throws ConnectionException {
        Connection c = ctx.connection();
        String parent = parentOf(path);
        String name = path.substring(parent.length()).replaceFirst("^/", "");
        ExecResult r = c.exec(Command.of("tar -C " + Shell.quote(parent) + " -cf - -- " + Shell.quote(name)));
        if (!r.ok()) {
            throw new IllegalStateException("cannot archive " + path + " on " + c.host() + " before removing it: " + r.stderr().strip());
        }
        Map<String, Object> a = base();
        a.put("archive", ctx.backups().save(c.host(), r.out()));
        return ModuleCall.of(RestorePath.NAME, a);
    }

    private Map<String, Object> base() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("path", path);
        a.put("kind", kind());
        if (stat.exists()) {
            if (stat.isLink()) {
                a.put("src", stat.linkTarget());
            } else {
                a.put("mode", Modes.canonical(stat.mode()));
            }
            // numbers, not names: an id with no name (uid 4242) has no name to restore
            a.put("owner", stat.uid() != null ? stat.uid() : stat.owner());
            a.put("group", stat.gid() != null ? stat.gid() : stat.group());
        }
        return a;
    }

    /** The directory holding {@code path} ("/" for a top-level path, "." for a bare name). */
    public static String parentOf(String path) {
        String p = path.length() > 1 ? path.replaceFirst("/+$", "") : path;
        int i = p.lastIndexOf('/');
        if (i < 0) {
            return ".";
        }
        return i == 0 ? "/" : p.substring(0, i);
    }

    public static String baseName(String path) {
        String p = path.replaceFirst("/+$", "");
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
