package dev.unwind.module.system;

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
import dev.unwind.module.files.PriorState;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code timezone}: sets the system time zone — the /etc/localtime link, through timedatectl where systemd runs it,
 * and /etc/timezone where the host keeps one (Debian). The undo puts both files back exactly from their
 * before-images, whichever way they were changed; timedated reads /etc/localtime anew, so nothing else is needed.
 */
public final class TimezoneModule implements Module {
    static final String LOCALTIME = "/etc/localtime";
    static final String TIMEZONE = "/etc/timezone";
    static final String ZONEINFO = "/usr/share/zoneinfo/";
    private static final Pattern ZONE_OF_LINK = Pattern.compile("(?:^|/)zoneinfo/(.+)$");
    private static final ModuleSpec SPEC = ModuleSpec.of("timezone",
                    "Sets the system time zone: /etc/localtime (by timedatectl where systemd runs it, outside containers) and /etc/timezone "
                            + "when it exists. hwclock is refused: the hardware clock's mode is not taken back. Undo: both "
                            + "files put back from their before-images (restore_path).",
                    UndoKind.AUTOMATIC,
                    ArgSpec.optional("name", ArgType.STR, null, "the zone, as under /usr/share/zoneinfo (Europe/Berlin, Etc/UTC)"),
                    ArgSpec.optional("hwclock", ArgType.STR, null, "not supported: refused").choices("local", "UTC", "utc"))
            .returns(Map.of("name", "the zone after the task", "before", "{name: the zone before the task, or null when "
                    + "/etc/localtime named none}"))
            .checkMode("predicts exactly from /etc/localtime and /etc/timezone");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        if (args.has("hwclock")) {
            return Outcome.failed("timezone: hwclock is not supported: unwind does not change the hardware clock's mode, "
                    + "since it cannot take that change back exactly; leave hwclock out");
        }
        if (!args.has("name")) {
            return Outcome.failed("timezone needs name");
        }
        String name = args.str("name").strip();
        Connection c = ctx.connection();
        try {
            if (name.isEmpty() || name.startsWith("/") || name.contains("..")
                    || !c.exec(Command.of("[ -f " + Shell.quote(ZONEINFO + name) + " ]")).ok()) {
                return Outcome.failed("given timezone \"" + name + "\" is not available");
            }
            PriorState localtime = PriorState.of(c, LOCALTIME);
            PriorState timezone = PriorState.of(c, TIMEZONE);
            String zone = zoneOf(localtime.stat());
            byte[] tzBytes = timezone.stat().isFile() ? c.get(TIMEZONE).orElse(new byte[0]) : null;
            boolean relink = !name.equals(zone);
            boolean rewrite = tzBytes != null && !new String(tzBytes, StandardCharsets.UTF_8).strip().equals(name);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", name);
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("name", zone);
            r.put("before", before);
            if (!relink && !rewrite) {
                return Outcome.ok("timezone is " + name, r);
            }
            if (localtime.stat().kind() == FileStat.Kind.DIRECTORY || localtime.stat().kind() == FileStat.Kind.OTHER) {
                return Outcome.failed(LOCALTIME + " is neither a link nor a file");
            }
            // both, whatever changes: timedated may rewrite /etc/timezone itself (Debian's does)
            Undo undo = Undo.of(localtime.stat().isFile() ? localtime.restoreFile(ctx, c.get(LOCALTIME).orElse(new byte[0]))
                            : localtime.restoreAttributes(),
                    tzBytes != null ? timezone.restoreFile(ctx, tzBytes) : timezone.restoreAttributes());
            List<String> changes = new ArrayList<>();
            if (relink) {
                changes.add(LOCALTIME + " -> " + ZONEINFO + name);
            }
            if (rewrite) {
                changes.add(TIMEZONE);
            }
            String msg = "timezone " + (zone == null ? "(none)" : zone) + " -> " + name + ": " + String.join(", ", changes);
            if (ctx.check()) {
                return Outcome.changed(msg, r, null, undo);
            }
            ctx.beforeChange(undo);
            if (relink) {
                relink(c, name, ctx);
            }
            byte[] now = c.get(TIMEZONE).orElse(null);
            if (rewrite && now != null && !new String(now, StandardCharsets.UTF_8).strip().equals(name)) {
                c.put(name + "\n", TIMEZONE, null);
            }
            return Outcome.changed(msg, r, null, undo);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    /** The zone a /etc/localtime link names, or null (a copied file, or no link). */
    static String zoneOf(FileStat st) {
        if (!st.isLink()) {
            return null;
        }
        Matcher m = ZONE_OF_LINK.matcher(st.linkTarget());
        return m.find() ? m.group(1) : null;
    }

    /**
     * timedatectl where systemd runs on a machine of its own (it tells timedated's clients); else the link, replaced by
     * rename. Never in a container: timedated there sets the time zone of the kernel the container shares, and the
     * first such call after a boot moves the host's clock by the zone's offset (seen in the lab: an hour back).
     */
    private static void relink(Connection c, String name, ModuleContext ctx) throws ConnectionException {
        String q = Shell.quote(name);
        ExecResult viaSystemd = c.exec(Command.of("[ -d /run/systemd/system ] && [ ! -e /run/systemd/container ] && [ ! -e /.dockerenv ]"
                + " && ! systemd-detect-virt -q -c 2>/dev/null && command -v timedatectl >/dev/null && timedatectl set-timezone " + q));
        if (viaSystemd.ok()) {
            return;
        }
        if (!viaSystemd.stderr().isBlank()) {
            ctx.log().info("timedatectl set-timezone failed (" + viaSystemd.stderr().strip() + "): setting the link directly");
        }
        String tmp = Shell.quote(LOCALTIME + ".unwind.tz");
        ExecResult r = c.exec(Command.of("ln -sfn " + Shell.quote(ZONEINFO + name) + " " + tmp + " && mv -fT " + tmp + " " + LOCALTIME));
        if (!r.ok()) {
            throw new IllegalStateException("cannot link " + LOCALTIME + " to " + ZONEINFO + name + " on " + c.host() + ": " + r.stderr().strip());
        }
    }
}
