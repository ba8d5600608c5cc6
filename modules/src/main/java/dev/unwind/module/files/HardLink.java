package dev.unwind.module.files;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.FileStat;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.Outcome;
import dev.unwind.module.Predictions;
import dev.unwind.module.Shell;
import dev.unwind.module.Undo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code file state=hard}: {@code path} becomes another name of the file {@code src}. The undo removes a name it
 * made, or puts back the file it replaced (with force); attributes set on the link are the shared file's, and are
 * put back the same way.
 */
final class HardLink {
    private HardLink() {
    }

    static Outcome make(ModuleContext ctx, String path, String src, Attributes attrs, boolean force) throws ConnectionException {
        if (src == null || src.isBlank()) {
            return Outcome.failed("state=hard needs src, the file to link to");
        }
        Connection c = ctx.connection();
        FileStat target = c.stat(src);
        if (!target.exists() && !(ctx.check() && ctx.predictions().has(Predictions.Kind.PATH, src))) {
            return Outcome.failed("src file does not exist, use \"force=yes\" if you really want to create the link: " + src);
        }
        if (target.exists() && !target.isFile()) {
            return Outcome.failed("src " + src + " is a " + target.kind().name().toLowerCase() + ": a hard link needs a file");
        }
        PriorState prior = PriorState.of(c, path);
        FileStat now = prior.stat();
        boolean same = now.isFile() && target.exists()
                && c.exec(Command.of("[ " + Shell.quote(path) + " -ef " + Shell.quote(src) + " ]")).ok();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("path", path);
        r.put("src", src);
        r.put("state", "hard");
        List<String> changes = new ArrayList<>();
        if (!same) {
            if (now.isDirectory() || now.kind() == FileStat.Kind.OTHER) {
                return Outcome.failed(path + " exists and is a " + now.kind().name().toLowerCase() + ": cannot make a hard link there");
            }
            if (now.exists() && !force) {
                return Outcome.failed("Cannot link: a different file exists at " + path + " (force=yes replaces it)");
            }
            changes.add(now.exists() ? "replaced by a hard link to " + src : "hard link to " + src + " created");
        }
        // the attributes are the shared file's: what it has now, or what it would have through the new name
        changes.addAll(attrs.changesFrom(same ? now : target.exists() ? target : null));
        if (changes.isEmpty()) {
            return Outcome.ok(path + " is as wanted", r);
        }
        attrs.verifyNames(c);
        List<ModuleCall> undo = new ArrayList<>();
        if (!same) {
            undo.add(!now.exists() ? prior.restoreAttributes()
                    : now.isFile() ? prior.restoreFile(ctx, c.get(path).orElseThrow(() -> new IllegalStateException("cannot read " + path)))
                    : prior.restoreAttributes());
        }
        if (target.exists() && !attrs.changesFrom(target).isEmpty()) {
            undo.add(new PriorState(src, target).restoreAttributes());
        }
        Undo u = new Undo.Calls(undo);
        if (ctx.check()) {
            ctx.predictions().add(Predictions.Kind.PATH, path);
        } else {
            ctx.beforeChange(u);
            if (!same) {
                HostCommand.run(c, Command.of("ln -f -- " + Shell.quote(src) + " " + Shell.quote(path)), "cannot link " + path);
            }
            attrs.apply(c, path);
        }
        return Outcome.changed(path + ": " + String.join(", ", changes), r, null, u);
    }
}
