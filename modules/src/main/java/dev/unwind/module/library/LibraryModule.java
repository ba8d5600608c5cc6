package dev.unwind.module.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Diff;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Shell;
import dev.unwind.module.Status;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One user's module: the executable is copied to a private temporary folder on the host, run with its
 * arguments (plus {@code _check_mode} and {@code _diff}) as JSON on stdin, and removed whatever happens.
 *
 * <p>Undo: the loader must decide before anything runs, so the file says. With {@code unwind: returns_undo}
 * the module is AUTOMATIC — every changed answer must carry {@code undo} ({@code {module, args}} or a list of
 * them), and one without is a failure rather than a change nobody can take back. Without it the module is
 * EXPLICIT: tasks give {@code undo:}, and an {@code undo} the module answers anyway is used when they do not.
 * Check mode runs the module only if it says {@code unwind: supports_check_mode}; otherwise it is skipped, since
 * a module that ignores {@code _check_mode} would act.
 */
public final class LibraryModule implements Module {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HEADER_BYTES = 64 * 1024;

    private final Path file;
    private final ModuleSpec spec;
    private final boolean checkMode;

    private LibraryModule(Path file, ModuleSpec spec, boolean checkMode) {
        this.file = file;
        this.spec = spec;
        this.checkMode = checkMode;
    }

    static LibraryModule of(Path file) {
        String header = header(file);
        boolean checkMode = header.contains("unwind: supports_check_mode");
        boolean returnsUndo = header.contains("unwind: returns_undo");
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String name = dot > 0 ? fileName.substring(0, dot) : fileName;
        ModuleSpec spec = new ModuleSpec(name, "The playbook's own module " + file + ".", List.of(),
                returnsUndo ? UndoKind.AUTOMATIC : UndoKind.EXPLICIT, null,
                Map.of("changed", "whether it changed the host", "msg", "what it says", "...", "any other key it answers"),
                checkMode ? "the module predicts (it is given _check_mode: true)" : "skipped (the module does not say unwind: supports_check_mode)",
                true);
        return new LibraryModule(file, spec, checkMode);
    }

    private static String header(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(HEADER_BYTES), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        if (ctx.check() && !checkMode) {
            return Outcome.skipped("skipped in check mode: " + name() + " does not say 'unwind: supports_check_mode'");
        }
        byte[] program;
        byte[] input;
        try {
            program = Files.readAllBytes(file);
            Map<String, Object> in = new LinkedHashMap<>(args.asMap());
            in.put("_check_mode", ctx.check());
            in.put("_diff", ctx.diff());
            input = JSON.writeValueAsBytes(in);
        } catch (IOException e) {
            return Outcome.failed("cannot send module " + name() + ": " + e.getMessage());
        }
        ExecResult r = runOnHost(ctx.connection(), program, input);
        return answer(r, ctx);
    }

    private ExecResult runOnHost(Connection c, byte[] program, byte[] input) throws ConnectionException {
        ExecResult dir = c.exec(Command.of("mktemp -d"));
        if (!dir.ok()) {
            throw new IllegalStateException("cannot make a temporary folder on " + c.host() + ": " + dir.stderr().strip());
        }
        String d = dir.stdout().strip();
        String target = d + "/" + file.getFileName();
        try {
            c.put(program, target, "0700");
        } catch (RuntimeException e) {
            c.exec(Command.of("rm -rf -- " + Shell.quote(d)));
            throw e;
        }
        return c.exec(Command.of(Shell.quote(target) + "; rc=$?; rm -rf -- " + Shell.quote(d) + "; exit $rc").withStdin(input));
    }

    @SuppressWarnings("unchecked")
    private Outcome answer(ExecResult r, ModuleContext ctx) {
        Map<String, Object> said;
        try {
            Object parsed = JSON.readValue(r.stdout().strip(), Object.class);
            if (!(parsed instanceof Map<?, ?> m)) {
                return Outcome.failed("module " + name() + " must answer a JSON object, it answered: " + clip(r.stdout()), raw(r));
            }
            said = new LinkedHashMap<>((Map<String, Object>) m);
        } catch (JsonProcessingException e) {
            return Outcome.failed("module " + name() + " did not answer JSON (exit " + r.exitCode() + "): " + clip(r.stdout())
                    + (r.stderr().isBlank() ? "" : " stderr: " + clip(r.stderr())), raw(r));
        }
        Object undoSaid = said.remove("undo");
        Object diffSaid = said.remove("diff");
        said.put("rc", r.exitCode());
        if (!r.stderr().isBlank()) {
            said.put("stderr", r.stderr().strip());
        }
        String msg = said.get("msg") == null ? "" : String.valueOf(said.get("msg"));
        if (truthy(said.get("failed")) || r.exitCode() != 0) {
            // a module that changed something before it failed answers that change's undo too; without one it says
            // it changed nothing (the contract of every module)
            Undo partial = null;
            try {
                partial = undoSaid == null ? null : undo(undoSaid);
            } catch (IllegalArgumentException unreadable) {
                said.put("undo_unreadable", unreadable.getMessage());
            }
            return new Outcome(Status.FAILED, msg.isEmpty() ? "module " + name() + " failed (exit " + r.exitCode() + ")" : msg,
                    said, null, partial);
        }
        if (truthy(said.get("skipped"))) {
            return new Outcome(Status.SKIPPED, msg, said, null, null);
        }
        if (!truthy(said.get("changed"))) {
            return Outcome.ok(msg, said);
        }
        Undo undo;
        try {
            undo = undoSaid == null ? null : undo(undoSaid);
        } catch (IllegalArgumentException e) {
            return Outcome.failed("module " + name() + " changed the host but its undo is unreadable: " + e.getMessage(), said);
        }
        if (undo == null && spec.undo() == UndoKind.AUTOMATIC) {
            return Outcome.failed("module " + name() + " says 'unwind: returns_undo' but changed the host without answering an undo", said);
        }
        Diff diff = diffSaid instanceof Map<?, ?> d && ctx.diff()
                ? new Diff(String.valueOf(((Map<String, Object>) d).getOrDefault("path", name())), str(d.get("before")), str(d.get("after")))
                : null;
        return Outcome.changed(msg, said, diff, undo);
    }

    /** {@code {module, args}} or a list of them. */
    @SuppressWarnings("unchecked")
    private static Undo undo(Object said) {
        List<Object> items = said instanceof List<?> l ? (List<Object>) l : List.of(said);
        List<ModuleCall> calls = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> m) || !(m.get("module") instanceof String module)) {
                throw new IllegalArgumentException("each undo is {\"module\": NAME, \"args\": {...}}, got " + item);
            }
            Object a = m.get("args");
            if (a != null && !(a instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("undo args must be an object, got " + a);
            }
            calls.add(ModuleCall.of(module, a == null ? Map.of() : (Map<String, Object>) a));
        }
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("the undo list is empty");
        }
        return new Undo.Calls(calls);
    }

    private static Map<String, Object> raw(ExecResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rc", r.exitCode());
        m.put("stdout", r.stdout());
        m.put("stderr", r.stderr());
        return m;
    }

    private static boolean truthy(Object o) {
        return o instanceof Boolean b ? b : o != null && Boolean.TRUE.equals(Args.parseBool(String.valueOf(o)));
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static String clip(String s) {
        String t = s.strip();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
