package dev.unwind.module.system;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Shell;

/**
 * A sysvinit service as its init script and the runlevel links show it: whether {@code /etc/init.d/NAME} exists,
 * whether {@code status} says it runs (exit 0) and whether a start link is in a multi-user runlevel, and whether the script has runlevel links at all (a disabled one keeps
 * its stop links).
 */
record SysvState(boolean found, boolean active, boolean enabled, boolean linked) {

    /** A script an earlier task of a check-mode run would have placed: stopped and not enabled. */
    static final SysvState AWAITED = new SysvState(true, false, false, false);

    static SysvState of(Connection c, String name) throws ConnectionException {
        String q = Shell.quote(name);
        ExecResult r = c.exec(Command.of("[ -x /etc/init.d/" + q + " ] || { echo missing; exit 0; }; /etc/init.d/" + q
                + " status >/dev/null 2>&1 && echo active || echo inactive; ls /etc/rc[2345].d/S[0-9][0-9]" + q
                + " >/dev/null 2>&1 && echo enabled || echo disabled; ls /etc/rc[0-6S].d/[SK][0-9][0-9]" + q
                + " >/dev/null 2>&1 && echo linked || echo unlinked"));
        String out = r.stdout();
        if (out.contains("missing")) {
            return new SysvState(false, false, false, false);
        }
        return new SysvState(true, out.startsWith("active"), out.contains("\nenabled"), out.contains("\nlinked"));
    }

    /** The same as {@link UnitState} says it, so that {@link SystemdPlan} decides for both. */
    UnitState asUnit() {
        return new UnitState("loaded", active ? "active" : "inactive", enabled ? "enabled" : "disabled");
    }
}
