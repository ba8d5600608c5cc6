package dev.unwind.module.cron;

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
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Predictions;
import dev.unwind.module.Shell;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;
import dev.unwind.module.files.Attributes;
import dev.unwind.module.files.ContentPlacement;
import dev.unwind.module.files.PriorState;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code cron}: a job (or, with {@code env}, a variable) in a user's crontab or in a file of /etc/cron.d. A user's
 * crontab is installed with {@code crontab -u USER -}, as Ansible does; its undo puts back the spool file
 * (/var/spool/cron/crontabs/USER) as it was, byte for byte, or removes it.
 */
public final class CronModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("cron",
                    "Manages a cron job or variable, marked '#Ansible: NAME' as Ansible marks it, in a user's crontab or in "
                            + "cron_file. Its undo restores the user's crontab exactly (absent if there was none), or the file.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("name", ArgType.STR, "the job's name (its marker), or the variable's with env=true"),
                    ArgSpec.optional("user", ArgType.STR, null, "whose crontab (default: the connection's user); with cron_file, "
                            + "the user the job runs as"),
                    ArgSpec.optional("job", ArgType.STR, null, "the command (or the variable's value)").aliases("value"),
                    ArgSpec.optional("minute", ArgType.STR, "*", "minute field"),
                    ArgSpec.optional("hour", ArgType.STR, "*", "hour field"),
                    ArgSpec.optional("day", ArgType.STR, "*", "day of month field").aliases("dom"),
                    ArgSpec.optional("month", ArgType.STR, "*", "month field"),
                    ArgSpec.optional("weekday", ArgType.STR, "*", "day of week field").aliases("dow"),
                    ArgSpec.optional("special_time", ArgType.STR, null, "instead of the fields")
                            .choices("annually", "daily", "hourly", "monthly", "reboot", "weekly", "yearly"),
                    ArgSpec.optional("disabled", ArgType.BOOL, false, "keep the job commented out"),
                    ArgSpec.optional("env", ArgType.BOOL, false, "manage a variable NAME=job instead of a job"),
                    ArgSpec.optional("insertafter", ArgType.STR, null, "with env: put a new variable after this one"),
                    ArgSpec.optional("insertbefore", ArgType.STR, null, "with env: put a new variable before this one"),
                    ArgSpec.optional("cron_file", ArgType.STR, null, "a file of /etc/cron.d (a name there, or an absolute path) "
                            + "instead of the user's crontab"),
                    ArgSpec.optional("state", ArgType.STR, "present", "present or absent").choices("present", "absent"))
            .returns(Map.of("jobs", "the names of the crontab's jobs after the task", "envs", "its variables after the task",
                    "name", "the job", "state", "present or absent"))
            .checkMode("predicts exactly; for a user an earlier user task of the check run would add, predicts from an empty crontab");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            boolean present = args.str("state").equals("present");
            if (present && !args.has("job")) {
                return Outcome.failed("You must specify 'job' to install a new cron job or variable");
            }
            if (args.has("cron_file") && !args.has("user")) {
                return Outcome.failed("To use cron_file=... parameter you must specify user=... as well");
            }
            if (args.has("cron_file")) {
                return inFile(args, ctx, present);
            }
            return inCrontab(args, ctx, present);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    /** Edits {@code tab} as asked; true when it changed. */
    private static boolean edit(Args args, Crontab tab, boolean present, String userColumn) {
        String name = args.str("name");
        if (args.bool("env")) {
            return present ? tab.putEnv(name, args.str("job"), args.str("insertafter"), args.str("insertbefore")) : tab.removeEnv(name);
        }
        if (!present) {
            return tab.removeJob(name);
        }
        Crontab.Schedule s = new Crontab.Schedule(args.str("minute"), args.str("hour"), args.str("day"), args.str("month"),
                args.str("weekday"), args.str("special_time"));
        return tab.putJob(name, Crontab.jobLine(s, userColumn, args.str("job"), args.bool("disabled")));
    }

    private Outcome inCrontab(Args args, ModuleContext ctx, boolean present) throws ConnectionException {
        Connection c = ctx.connection();
        String user = args.has("user") ? args.str("user") : whoami(c);
        boolean known = c.exec(Command.of("getent passwd " + Shell.quote(user) + " >/dev/null")).ok();
        if (!known && !(ctx.check() && ctx.predictions().has(Predictions.Kind.USER, user))) {
            return Outcome.failed("user " + user + " does not exist on " + c.host());
        }
        String spool = spoolDir(c) + "/" + user;
        String before = "";
        if (known) {
            ExecResult l = c.exec(Command.of("crontab -l -u " + Shell.quote(user)));
            // no crontab: exit 1 and "no crontab for USER" on stderr
            if (l.ok()) {
                before = l.stdout();
            } else if (!l.stderr().contains("no crontab")) {
                throw new IllegalStateException("cannot read the crontab of " + user + " on " + c.host() + ": " + l.stderr().strip());
            }
        }
        Crontab tab = Crontab.parse(before);
        boolean changed = edit(args, tab, present, null);
        Map<String, Object> r = result(args, tab);
        String after = tab.render();
        if (!changed && after.equals(before)) {
            return Outcome.ok("crontab of " + user + " is as wanted", r);
        }
        PriorState prior = PriorState.of(c, spool);
        ModuleCall undo = prior.stat().kind() == FileStat.Kind.FILE
                ? prior.restoreFile(ctx, c.get(spool).orElseThrow(() -> new IllegalStateException("cannot read " + spool)))
                : prior.restoreAttributes();
        if (!ctx.check()) {
            ctx.beforeChange(Undo.of(undo));
            ExecResult w = c.exec(Command.of("crontab -u " + Shell.quote(user) + " -").withStdin(after.getBytes(StandardCharsets.UTF_8)));
            if (!w.ok()) {
                throw new IllegalStateException("crontab refused the new crontab of " + user + " on " + c.host() + ": "
                        + w.stderr().strip());
            }
        }
        Diff diff = ctx.diff() ? new Diff("crontab of " + user, before, after) : null;
        return Outcome.changed("crontab of " + user + ": " + (present ? "set " : "removed ") + args.str("name"), r, diff,
                Undo.of(undo));
    }

    private Outcome inFile(Args args, ModuleContext ctx, boolean present) throws ConnectionException {
        Connection c = ctx.connection();
        String file = args.str("cron_file");
        String path = file.startsWith("/") ? file : "/etc/cron.d/" + file;
        FileStat st = c.stat(path);
        if (!st.exists() && !present) {
            return Outcome.ok(path + " does not exist", result(args, Crontab.empty()));
        }
        Crontab tab = Crontab.parse(st.isFile() ? new String(c.get(path).orElse(new byte[0]), StandardCharsets.UTF_8) : "");
        edit(args, tab, present, args.str("user"));
        Map<String, Object> extra = new LinkedHashMap<>(result(args, tab));
        extra.put("cron_file", path);
        return ContentPlacement.place(ctx, path, tab.render().getBytes(StandardCharsets.UTF_8), new Attributes(null, null, null),
                true, extra, "job " + (present ? "set" : "removed"));
    }

    private static Map<String, Object> result(Args args, Crontab tab) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", args.str("name"));
        r.put("state", args.str("state"));
        r.put("jobs", tab.jobNames());
        r.put("envs", tab.envNames());
        return r;
    }

    /** Debian's spool (crontabs/) or Red Hat's (the folder itself). */
    private static String spoolDir(Connection c) throws ConnectionException {
        return c.stat("/var/spool/cron/crontabs").isDirectory() ? "/var/spool/cron/crontabs" : "/var/spool/cron";
    }

    private static String whoami(Connection c) throws ConnectionException {
        ExecResult r = c.exec(Command.of("id -un"));
        if (!r.ok()) {
            throw new IllegalStateException("cannot tell the user on " + c.host());
        }
        return r.stdout().strip();
    }
}
