package dev.unwind.module.accounts;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Predictions;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code user}: a user present with the wanted attributes, or absent, through useradd, usermod, chpasswd and userdel.
 * The undo is computed first from every line the tools may touch: the user's, its private group's and those of
 * the groups it joins or leaves.
 */
public final class UserModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("user",
                    "Adds, changes or removes a user account. Its undo puts back the exact prior /etc/passwd, /etc/shadow, "
                            + "/etc/group and /etc/gshadow lines (a new user's private group included), removes a home it "
                            + "created, unpacks a home remove=true deleted, and gives back their owner or group to the home's files "
                            + "a change of uid or primary group re-owned.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("name", ArgType.STR, "the user").aliases("user"),
                    ArgSpec.optional("state", ArgType.STR, "present", "present or absent").choices("present", "absent"),
                    ArgSpec.optional("uid", ArgType.INT, null, "the user's id"),
                    ArgSpec.optional("group", ArgType.STR, null, "primary group (name or gid); default: a group named after the user"),
                    ArgSpec.optional("groups", ArgType.LIST, null, "supplementary groups; an empty list removes all (without append)"),
                    ArgSpec.optional("append", ArgType.BOOL, false, "add to groups, leaving the user's other groups"),
                    ArgSpec.optional("shell", ArgType.STR, null, "login shell"),
                    ArgSpec.optional("home", ArgType.STR, null, "home directory (for an existing user: the passwd field only)"),
                    ArgSpec.optional("create_home", ArgType.BOOL, true, "create the home of a new user (from /etc/skel)")
                            .aliases("createhome"),
                    ArgSpec.optional("password", ArgType.STR, null, "the password as a crypt(3) hash; never shown or logged")
                            .asSecret(),
                    ArgSpec.optional("update_password", ArgType.STR, "always", "always, or on_create: only for a new user")
                            .choices("always", "on_create"),
                    ArgSpec.optional("system", ArgType.BOOL, false, "a system account (id from the system range), when added"),
                    ArgSpec.optional("comment", ArgType.STR, null, "the GECOS field"),
                    ArgSpec.optional("remove", ArgType.BOOL, false, "with state=absent: remove the home and mail spool too"),
                    ArgSpec.optional("force", ArgType.BOOL, false, "with state=absent: userdel --force"))
            .returns(Map.ofEntries(Map.entry("name", "the user"), Map.entry("uid", "its id"),
                    Map.entry("group", "its primary group's id"), Map.entry("groups", "supplementary groups as given"),
                    Map.entry("shell", "login shell"), Map.entry("home", "home directory"), Map.entry("comment", "GECOS"),
                    Map.entry("state", "present or absent"), Map.entry("system", "as given"),
                    Map.entry("create_home", "as given (a new user)"),
                    Map.entry("password", "NOT_LOGGING_PASSWORD when one was given")))
            .checkMode("predicts exactly; a user it would add (with its private group and home) counts as there for later "
                    + "tasks of the check run (authorized_key, cron)");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            AccountTables t = AccountTables.read(ctx.connection());
            Optional<PasswdEntry> now = t.user(args.str("name"));
            if (args.str("state").equals("absent")) {
                return absent(args, ctx, t, now);
            }
            return now.isEmpty() ? create(args, ctx, t) : modify(args, ctx, t, now.get());
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private Outcome absent(Args args, ModuleContext ctx, AccountTables t, Optional<PasswdEntry> now) throws ConnectionException {
        String name = args.str("name");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("state", "absent");
        r.put("remove", args.bool("remove"));
        r.put("force", args.bool("force"));
        if (now.isEmpty()) {
            return Outcome.ok("user " + name + " is absent", r);
        }
        Connection c = ctx.connection();
        Set<String> groups = new LinkedHashSet<>();
        groups.add(name);
        t.findGroup(now.get().gid()).ifPresent(g -> groups.add(g.name()));
        groups.addAll(t.memberOf(name));
        groups.addAll(t.shadowMentions(name));
        String home = now.get().home();
        boolean removesHome = args.bool("remove") && !home.isBlank() && c.stat(home).isDirectory();
        Undo undo = AccountUndo.of(ctx, t, Set.of(name), groups, null, removesHome ? home : null, AccountUndo.USER_SIDE_FILES);
        List<String> argv = new ArrayList<>(List.of("userdel"));
        if (args.bool("remove")) {
            argv.add("-r");
        }
        if (args.bool("force")) {
            argv.add("-f");
        }
        argv.add(name);
        if (!ctx.check()) {
            ctx.beforeChange(undo);
            AccountTool.run(c, argv);
        }
        return Outcome.changed("removed user " + name + (removesHome ? " and its home " + home : ""), r, null, undo);
    }

    private Outcome create(Args args, ModuleContext ctx, AccountTables t) throws ConnectionException {
        Connection c = ctx.connection();
        String name = args.str("name");
        Predictions.OnHost p = ctx.predictions();
        String group = args.str("group");
        if (group != null && t.findGroup(group).isEmpty() && !(ctx.check() && p.has(Predictions.Kind.GROUP, group))) {
            return Outcome.failed("Group " + group + " does not exist");
        }
        List<String> supplementary = wantedGroups(args, t, ctx);
        String home = args.str("home", "/home/" + name);
        boolean createHome = args.bool("create_home");
        boolean newHome = createHome && !c.stat(home).exists();
        // no group given: useradd makes a private group, unless one of that name is there (then it is the primary one)
        boolean privateGroup = group == null && t.group(name).isEmpty();
        List<String> argv = new ArrayList<>(List.of("useradd"));
        if (args.has("uid")) {
            argv.addAll(List.of("-u", String.valueOf(args.integer("uid"))));
        }
        if (group != null) {
            argv.addAll(List.of("-g", group));
        } else if (!privateGroup) {
            argv.addAll(List.of("-g", name));
        }
        if (!supplementary.isEmpty()) {
            argv.addAll(List.of("-G", String.join(",", supplementary)));
        }
        if (args.has("shell")) {
            argv.addAll(List.of("-s", args.str("shell")));
        }
        if (args.has("comment")) {
            argv.addAll(List.of("-c", args.str("comment")));
        }
        argv.addAll(List.of("-d", home));
        argv.add(createHome ? "-m" : "-M");
        if (args.bool("system")) {
            argv.add("-r");
        }
        argv.add(name);
        Set<String> groups = new LinkedHashSet<>();
        groups.add(name);
        groups.addAll(supplementary);
        Undo undo = AccountUndo.of(ctx, t, Set.of(name), groups, newHome ? home : null, null, AccountUndo.USER_SIDE_FILES);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("state", "present");
        r.put("system", args.bool("system"));
        r.put("create_home", createHome);
        if (ctx.check()) {
            p.add(Predictions.Kind.USER, name);
            if (privateGroup) {
                p.add(Predictions.Kind.GROUP, name);
            }
            if (newHome) {
                p.add(Predictions.Kind.PATH, home);
            }
        } else {
            ctx.beforeChange(undo);
            AccountTool.run(c, argv);
            if (args.has("password")) {
                AccountTool.setHash(c, name, args.str("password"));
            }
        }
        describe(r, args, ctx.check() ? null : AccountTables.read(c).user(name).orElse(null), home);
        return Outcome.changed("added user " + name, r, null, undo);
    }

    private Outcome modify(Args args, ModuleContext ctx, AccountTables t, PasswdEntry now) throws ConnectionException {
        Connection c = ctx.connection();
        String name = args.str("name");
        List<String> changes = new ArrayList<>();
        List<String> argv = new ArrayList<>(List.of("usermod"));
        String newUid = null;
        if (args.has("uid") && !String.valueOf(args.integer("uid")).equals(now.uid())) {
            newUid = String.valueOf(args.integer("uid"));
            argv.addAll(List.of("-u", newUid));
            changes.add("uid " + now.uid() + " -> " + newUid);
        }
        String newGid = null;
        Optional<GroupEntry> wantedGroup = args.has("group") ? t.findGroup(args.str("group")) : Optional.empty();
        if (args.has("group") && wantedGroup.isEmpty()) {
            if (!(ctx.check() && ctx.predictions().has(Predictions.Kind.GROUP, args.str("group")))) {
                return Outcome.failed("Group " + args.str("group") + " does not exist");
            }
            // an earlier task of the check run would add it: the real run will find it and change the primary group
            changes.add("primary group " + now.gid() + " -> " + args.str("group"));
        } else if (args.has("group")) {
            GroupEntry g = wantedGroup.get();
            if (!g.gid().equals(now.gid())) {
                newGid = g.gid();
                argv.addAll(List.of("-g", g.gid()));
                changes.add("primary group " + now.gid() + " -> " + g.gid());
            }
        }
        List<String> current = t.memberOf(name);
        if (args.has("groups")) {
            List<String> wanted = wantedGroups(args, t, ctx);
            String primary = t.findGroup(now.gid()).map(GroupEntry::name).orElse(null);
            List<String> missing = wanted.stream().filter(g -> !current.contains(g) && !g.equals(primary)).toList();
            if (args.bool("append")) {
                if (!missing.isEmpty()) {
                    argv.addAll(List.of("-a", "-G", String.join(",", missing)));
                    changes.add("joins " + String.join(",", missing));
                }
            } else if (!Set.copyOf(current).equals(Set.copyOf(wanted.stream().filter(g -> !g.equals(primary)).toList()))) {
                argv.addAll(List.of("-G", String.join(",", wanted)));
                changes.add("groups " + String.join(",", current) + " -> " + String.join(",", wanted));
            }
        }
        field(args, "shell", now.shell(), "-s", argv, changes);
        field(args, "home", now.home(), "-d", argv, changes);
        field(args, "comment", now.comment(), "-c", argv, changes);
        boolean password = args.has("password") && args.str("update_password").equals("always")
                && !args.str("password").equals(shadowHash(t, name));
        if (password) {
            changes.add("password changed");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("state", "present");
        r.put("append", args.bool("append"));
        if (changes.isEmpty()) {
            describe(r, args, now, now.home());
            return Outcome.ok("user " + name + " is as wanted", r);
        }
        Set<String> groups = new LinkedHashSet<>(current);
        groups.addAll(t.shadowMentions(name));
        if (args.has("groups")) {
            groups.addAll(wantedGroups(args, t, ctx));
        }
        // usermod -u/-g re-own the home's files: list them now, so that the undo gives them back
        Map<String, Object> reowned = new LinkedHashMap<>();
        if (newUid != null) {
            reowned.put("uid", now.uid());
            reowned.put("owned", ctx.backups().save(c.host(), HomeOwnership.list(c, now.home(), true, now.uid())));
        }
        if (newGid != null || (args.has("group") && wantedGroup.isEmpty())) {
            reowned.put("gid", now.gid());
            reowned.put("grouped", ctx.backups().save(c.host(), HomeOwnership.list(c, now.home(), false, now.gid())));
        }
        Undo undo = AccountUndo.of(ctx, t, Set.of(name), groups, null, null, AccountUndo.USER_SIDE_FILES, reowned);
        if (!ctx.check()) {
            ctx.beforeChange(undo);
            if (argv.size() > 1) {
                argv.add(name);
                AccountTool.run(c, argv);
            }
            if (password) {
                AccountTool.setHash(c, name, args.str("password"));
            }
        }
        PasswdEntry after = ctx.check() ? predicted(args, now, t) : AccountTables.read(c).user(name).orElse(now);
        describe(r, args, after, after.home());
        return Outcome.changed("user " + name + ": " + String.join(", ", changes), r, null, undo);
    }

    private static void field(Args args, String arg, String now, String flag, List<String> argv, List<String> changes) {
        if (args.has(arg) && !args.str(arg).equals(now)) {
            argv.addAll(List.of(flag, args.str(arg)));
            // the values are not secrets, but the message stays short: which field changed
            changes.add(arg + " changed");
        }
    }

    /** The supplementary groups asked for, each of which must exist (or, in check mode, be about to). */
    private static List<String> wantedGroups(Args args, AccountTables t, ModuleContext ctx) {
        List<String> out = new ArrayList<>();
        for (String g : args.list("groups")) {
            Optional<GroupEntry> e = t.findGroup(g);
            if (e.isEmpty() && !(ctx.check() && ctx.predictions().has(Predictions.Kind.GROUP, g))) {
                throw new IllegalStateException("Group " + g + " does not exist");
            }
            out.add(e.map(GroupEntry::name).orElse(g));
        }
        return out;
    }

    private static String shadowHash(AccountTables t, String name) {
        List<String> f = t.text(AccountFile.SHADOW).fields(name);
        return f.size() > 1 ? f.get(1) : null;
    }

    private static PasswdEntry predicted(Args args, PasswdEntry now, AccountTables t) {
        String gid = args.has("group") ? t.findGroup(args.str("group")).map(GroupEntry::gid).orElse(now.gid()) : now.gid();
        return new PasswdEntry(now.name(), now.password(), now.uid(), gid, args.str("comment", now.comment()),
                args.str("home", now.home()), args.str("shell", now.shell()));
    }

    private static void describe(Map<String, Object> r, Args args, PasswdEntry e, String home) {
        if (e != null) {
            r.put("uid", Long.parseLong(e.uid()));
            r.put("group", Long.parseLong(e.gid()));
            r.put("shell", e.shell());
            r.put("comment", e.comment());
        } else {
            if (args.has("uid")) {
                r.put("uid", args.integer("uid"));
            }
            if (args.has("shell")) {
                r.put("shell", args.str("shell"));
            }
            if (args.has("comment")) {
                r.put("comment", args.str("comment"));
            }
        }
        r.put("home", home);
        if (args.has("groups")) {
            r.put("groups", String.join(",", args.list("groups")));
        }
        if (args.has("password")) {
            r.put("password", "NOT_LOGGING_PASSWORD");
        }
    }
}
