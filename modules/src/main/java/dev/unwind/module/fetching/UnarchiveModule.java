package dev.unwind.module.fetching;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ContentDigest;
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
import dev.unwind.module.files.BeforeImage;
import dev.unwind.module.files.PriorState;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code unarchive}: unpacks a tar (gzip, xz, bzip2) or zip archive into an existing directory, with the host's tar or
 * unzip. Before it unpacks, it looks at every path the archive would write: the undo removes each one that was not
 * there (deepest first) and puts back each file it replaces: a small one from the run's backups, a large one from a
 * before-image kept beside it on the host (a hard link, or a copy for unzip, which writes into existing files); and each
 * directory's mode, owner and group.
 */
public final class UnarchiveModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("unarchive",
                    "Unpacks an archive (tar, tar.gz, tar.xz, tar.bz2, zip) into dest, an existing directory. src is a "
                            + "controller file copied over first, or with remote_src=true a file on the host. Nothing is "
                            + "unpacked when dest already holds the archive (tar --compare; for zip, every member's content).",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("src", ArgType.STR, "the archive: on the controller, or on the host with remote_src"),
                    ArgSpec.required("dest", ArgType.STR, "an existing directory to unpack into"),
                    ArgSpec.optional("remote_src", ArgType.BOOL, false, "src is already on the host"),
                    ArgSpec.optional("creates", ArgType.STR, null, "skip when this path exists"),
                    ArgSpec.optional("extra_opts", ArgType.LIST, null, "further options for tar or unzip (--strip-components=N is understood)"),
                    ArgSpec.optional("list_files", ArgType.BOOL, false, "return the archive's members in files"))
            .returns(Map.of("dest", "the directory", "src", "the archive", "handler", "TgzArchive or ZipArchive",
                    "files", "the members (list_files=true)", "created", "how many paths were made", "replaced", "how many files were replaced"))
            .checkMode("predicts exactly: lists the archive against dest on the host; an archive an earlier task of the run would "
                    + "fetch is predicted to change");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        Connection c = ctx.connection();
        String uploaded = null;
        try {
            String src = args.str("src");
            String dest = args.str("dest").replaceFirst("(.)/+$", "$1");
            List<String> extra = args.list("extra_opts");
            if (args.has("creates") && c.stat(args.str("creates")).exists()) {
                return Outcome.skipped("skipped, since " + args.str("creates") + " exists");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("dest", dest);
            result.put("src", src);
            boolean remote = args.bool("remote_src");
            if (!c.stat(dest).isDirectory()) {
                if (ctx.check() && ctx.predictions().has(Predictions.Kind.PATH, dest)) {
                    return predicted(ctx, dest, src, result);
                }
                return Outcome.failed("dest '" + dest + "' must be an existing dir");
            }
            String onHost;
            if (remote) {
                if (!c.stat(src).isFile()) {
                    if (ctx.check() && ctx.predictions().has(Predictions.Kind.PATH, src)) {
                        return predicted(ctx, dest, src, result);
                    }
                    return Outcome.failed("Source '" + src + "' does not exist");
                }
                onHost = src;
            } else {
                Path local = ctx.localFile(src);
                if (!Files.isRegularFile(local)) {
                    return Outcome.failed("Source '" + local + "' does not exist on the controller");
                }
                uploaded = upload(c, local);
                onHost = uploaded;
            }
            Archive archive = Archive.at(c, onHost);
            result.put("handler", archive.format().handler);
            List<Archive.Member> members = archive.members(c, extra);
            if (args.bool("list_files")) {
                result.put("files", members.stream().map(m -> m.directory() ? m.name() + "/" : m.name()).toList());
            }
            if (archive.unpackedIn(c, dest, extra, members)) {
                return Outcome.ok(dest + " already holds " + src, result);
            }
            Plan plan = plan(ctx, dest, members, archive.replacesInPlace());
            result.put("created", plan.created());
            result.put("replaced", plan.replaced());
            String msg = "unpacked " + src + " into " + dest + ": " + plan.created() + " created, " + plan.replaced() + " replaced";
            if (ctx.check()) {
                members.forEach(m -> ctx.predictions().add(Predictions.Kind.PATH, dest + "/" + m.name()));
                return Outcome.changed(msg, result, null, plan.undo());
            }
            ctx.beforeChange(plan.undo());
            keepAside(c, plan.asides(), archive.replacesInPlace());
            archive.extract(c, dest, extra);
            return Outcome.changed(msg, result, null, plan.undo());
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        } finally {
            if (uploaded != null) {
                c.exec(Command.of("rm -f -- " + Shell.quote(uploaded)));
            }
        }
    }

    /** An input an earlier task would make: the real run unpacks something then, but what is not known yet. */
    private static Outcome predicted(ModuleContext ctx, String dest, String src, Map<String, Object> result) {
        return Outcome.changed("unpacked " + src + " into " + dest + " (predicted: an earlier task would make it)", result, null,
                Undo.none("predicted from an earlier task's change; the real run journals what it unpacks"));
    }

    /** What unpacking would do to the paths under dest, and the undo of it. */
    record Plan(int created, int replaced, List<BeforeImage> asides, Undo undo) {
    }

    private static Plan plan(ModuleContext ctx, String dest, List<Archive.Member> members, boolean inPlace)
            throws ConnectionException {
        List<String> paths = members.stream().map(m -> dest + "/" + m.name()).toList();
        Map<String, PathLooks.Look> looks = PathLooks.of(ctx.connection(), paths);
        List<String> created = new ArrayList<>();
        List<ModuleCall> restores = new ArrayList<>();
        List<BeforeImage> asides = new ArrayList<>();
        // small files' bytes go to the run's backups, as the file modules keep them: a later rollback still finds them
        List<String> small = paths.stream().filter(p -> looks.get(p).stat().isFile() && looks.get(p).sha256() != null
                && looks.get(p).stat().size() <= BeforeImage.CONTROLLER_LIMIT).toList();
        Map<String, byte[]> bytes = contents(ctx.connection(), small);
        int replaced = 0;
        for (String p : paths) {
            PathLooks.Look look = looks.get(p);
            FileStat st = look.stat();
            PriorState prior = new PriorState(p, st);
            if (!st.exists()) {
                created.add(p);
            } else if (bytes.containsKey(p)) {
                restores.add(prior.restoreFile(ctx, bytes.get(p)));
                replaced++;
            } else if (st.isFile() && look.sha256() != null) {
                replaced++;
                BeforeImage image = aside(p, look.sha256(), ctx.backups().runId());
                asides.add(image);
                restores.add(prior.restoreFrom(image));
            } else if (st.isDirectory() || st.isLink()) {
                restores.add(prior.restoreAttributes());
            } else {
                throw new IllegalStateException("cannot unpack over " + p + ": it is neither a file, a directory nor a link");
            }
        }
        List<ModuleCall> calls = new ArrayList<>();
        // what was not there goes, deepest first, so that each directory is empty when its turn comes
        created.stream().sorted(Comparator.comparingInt((String p) -> p.split("/").length).reversed().thenComparing(Comparator.reverseOrder()))
                .forEach(p -> calls.add(new PriorState(p, FileStat.ABSENT).restoreAttributes()));
        calls.addAll(restores);
        return new Plan(created.size(), replaced, asides, new Undo.Calls(calls));
    }

    /** The bytes of each (small) file, in one command: each one's size on a line, then its bytes. */
    private static Map<String, byte[]> contents(Connection c, List<String> files) throws ConnectionException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (files.isEmpty()) {
            return out;
        }
        var r = c.exec(Command.of("while IFS= read -r p; do stat -c %s -- \"$p\" && cat -- \"$p\" || exit 1; done")
                .withStdin((String.join("\n", files) + "\n").getBytes(StandardCharsets.UTF_8)));
        if (!r.ok()) {
            throw new IllegalStateException("cannot keep the files to replace on " + c.host() + ": " + r.stderr().strip());
        }
        byte[] all = r.out();
        int at = 0;
        for (String f : files) {
            int eol = at;
            while (all[eol] != '\n') {
                eol++;
            }
            int size = Integer.parseInt(new String(all, at, eol - at, StandardCharsets.US_ASCII).strip());
            out.put(f, java.util.Arrays.copyOfRange(all, eol + 1, eol + 1 + size));
            at = eol + 1 + size;
        }
        return out;
    }

    /** The before-image's name follows from the run, the path and the content, so check mode names the same one. */
    private static BeforeImage aside(String path, String sha256, String runId) {
        String tag = ContentDigest.of((runId + "\0" + path + "\0" + sha256).getBytes(StandardCharsets.UTF_8)).sha256().substring(0, 8);
        String parent = PriorState.parentOf(path);
        return new BeforeImage(path, (parent.equals("/") ? "" : parent) + "/" + BeforeImage.PREFIX + runId + "-" + tag + "-"
                + PriorState.baseName(path), sha256);
    }

    /** Keeps every replaced file beside itself, in one command. */
    private static void keepAside(Connection c, List<BeforeImage> asides, boolean copy) throws ConnectionException {
        if (asides.isEmpty()) {
            return;
        }
        StringBuilder pairs = new StringBuilder();
        for (BeforeImage i : asides) {
            pairs.append(i.path()).append('\n').append(i.aside()).append('\n');
        }
        String keep = copy ? "cp -p -- \"$p\" \"$a\"" : "{ ln -- \"$p\" \"$a\" 2>/dev/null || cp -p -- \"$p\" \"$a\"; }";
        var r = c.exec(Command.of("while IFS= read -r p && IFS= read -r a; do [ -e \"$a\" ] || " + keep + " || exit 1; done")
                .withStdin(pairs.toString().getBytes(StandardCharsets.UTF_8)));
        if (!r.ok()) {
            throw new IllegalStateException("cannot keep the before-images of the files to replace on " + c.host() + ": " + r.stderr().strip());
        }
    }

    private static String upload(Connection c, Path local) throws ConnectionException {
        var made = c.exec(Command.of("mktemp \"${TMPDIR:-/tmp}/unwind-unarchive.XXXXXX\""));
        if (!made.ok()) {
            throw new IllegalStateException("cannot make a temporary file on " + c.host() + ": " + made.stderr().strip());
        }
        String tmp = made.stdout().strip();
        // the name tells tar nothing; it recognises the compression by the content
        c.put(local, tmp, "0600");
        return tmp;
    }
}
