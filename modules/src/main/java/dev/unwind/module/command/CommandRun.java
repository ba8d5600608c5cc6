package dev.unwind.module.command;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Shell;
import dev.unwind.module.Status;
import dev.unwind.module.UndoKind;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code command}, {@code shell} and {@code script} share: the {@code creates}/{@code removes} guards,
 * {@code chdir}, {@code stdin}, check-mode behaviour, and Ansible's result keys.
 */
final class CommandRun {
    static final String SKIPPED_IN_CHECK_MODE = "skipped in check mode";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    static final List<ArgSpec> GUARDS = List.of(
            ArgSpec.optional("chdir", ArgType.STR, null, "change into this directory first"),
            ArgSpec.optional("creates", ArgType.STR, null, "do not run when this path exists"),
            ArgSpec.optional("removes", ArgType.STR, null, "run only when this path exists"),
            ArgSpec.optional("stdin", ArgType.STR, null, "text fed to the command's standard input").asSecret(),
            ArgSpec.optional("stdin_add_newline", ArgType.BOOL, true, "append a newline to stdin"));

    private static final Map<String, String> RETURNS = Map.of(
            "cmd", "the command run",
            "rc", "exit status",
            "stdout", "standard output, without the final newline",
            "stderr", "standard error, without the final newline",
            "stdout_lines", "stdout split into lines",
            "stderr_lines", "stderr split into lines",
            "start", "start time (local), as 2024-01-31 12:00:00.123456",
            "end", "end time",
            "delta", "duration, as 0:00:00.004521");

    private static final String CHECK_MODE = "runs only when the task says check_mode: false; otherwise predicts from creates/removes "
            + "(ok when the guard holds, changed when it would run) and without them is reported skipped";

    private CommandRun() {
    }

    /**
     * The declaration the three share: {@code cmd} takes the free form, the result has Ansible's keys, and the task
     * must say how to undo what the command did.
     *
     * @param does   what the module does, one sentence
     * @param own    the module's own arguments, declared first
     * @param guards which of {@link #GUARDS} it takes
     */
    static ModuleSpec spec(String name, String does, List<ArgSpec> guards, ArgSpec... own) {
        List<ArgSpec> args = new ArrayList<>(List.of(own));
        args.addAll(guards);
        return new ModuleSpec(name, does + " A task must give undo: or undo: none.",
                args, UndoKind.EXPLICIT, "cmd", RETURNS, CHECK_MODE, false);
    }

    /**
     * @param script the script for {@code /bin/sh -c} (already quoted)
     * @param cmd    what the result shows as {@code cmd}
     */
    static Outcome run(Args args, ModuleContext ctx, String script, Object cmd) throws ConnectionException {
        return run(args, ctx, script, cmd, null);
    }

    /** @param input bytes for stdin instead of the {@code stdin} argument (script sends itself this way) */
    static Outcome run(Args args, ModuleContext ctx, String script, Object cmd, byte[] input) throws ConnectionException {
        Connection c = ctx.connection();
        String chdir = args.str("chdir");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("cmd", cmd);
        String creates = args.str("creates");
        if (creates != null && c.stat(resolve(chdir, creates)).exists()) {
            return guarded(r, "skipped, since " + creates + " exists");
        }
        String removes = args.str("removes");
        if (removes != null && !c.stat(resolve(chdir, removes)).exists()) {
            return guarded(r, "skipped, since " + removes + " does not exist");
        }
        if (ctx.check()) {
            if (creates != null || removes != null) {
                return Outcome.changed("would run (check mode): " + display(cmd), r, null, null);
            }
            // empty output, as Ansible registers it, so that a later ${r.stdout} still predicts
            r.putAll(Map.of("stdout", "", "stderr", "", "stdout_lines", List.of(), "stderr_lines", List.of()));
            return new Outcome(Status.SKIPPED, SKIPPED_IN_CHECK_MODE, r, null, null);
        }
        String full = chdir == null ? script : "cd " + Shell.quote(chdir) + " || exit $?\n" + script;
        Command command = Command.of(full);
        if (input != null) {
            command = command.withStdin(input);
        } else if (args.has("stdin")) {
            String in = args.str("stdin") + (args.bool("stdin_add_newline") ? "\n" : "");
            command = command.withStdin(in.getBytes(StandardCharsets.UTF_8));
        }
        LocalDateTime start = LocalDateTime.now();
        ExecResult x = c.exec(command);
        LocalDateTime end = LocalDateTime.now();
        String stdout = chomp(x.stdout());
        String stderr = chomp(x.stderr());
        r.put("rc", x.exitCode());
        r.put("stdout", stdout);
        r.put("stderr", stderr);
        r.put("stdout_lines", lines(stdout));
        r.put("stderr_lines", lines(stderr));
        r.put("start", STAMP.format(start));
        r.put("end", STAMP.format(end));
        r.put("delta", delta(x.duration()));
        if (!x.ok()) {
            return new Outcome(dev.unwind.module.Status.FAILED, "non-zero return code", r, null, null);
        }
        return Outcome.changed(display(cmd), r, null, null);
    }

    private static Outcome guarded(Map<String, Object> r, String msg) {
        r.put("rc", 0);
        r.put("stdout", msg);
        r.put("stderr", "");
        r.put("stdout_lines", List.of(msg));
        r.put("stderr_lines", List.of());
        return Outcome.ok(msg, r);
    }

    private static String resolve(String chdir, String path) {
        return chdir == null || path.startsWith("/") ? path : chdir.replaceFirst("/+$", "") + "/" + path;
    }

    private static String display(Object cmd) {
        return cmd instanceof List<?> l ? Shell.join(l.stream().map(String::valueOf).toList()) : String.valueOf(cmd);
    }

    /** Ansible strips one trailing newline (all trailing newlines, in fact) from stdout and stderr. */
    static String chomp(String s) {
        return s.replaceFirst("[\\r\\n]+$", "");
    }

    static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split("\\r?\\n", -1));
    }

    /** Ansible's {@code delta}: H:MM:SS.ffffff. */
    static String delta(Duration d) {
        long micros = d.toNanos() / 1000;
        long s = micros / 1_000_000;
        return String.format("%d:%02d:%02d.%06d", s / 3600, (s / 60) % 60, s % 60, micros % 1_000_000);
    }
}
