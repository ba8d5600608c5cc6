package dev.unwind.transport.ssh;

import java.util.Locale;

/** How unknown and changed host keys are treated. A changed key is refused by every policy but {@link #OFF}. */
public enum HostKeyChecking {
    /** Only keys already in known_hosts are accepted. */
    STRICT,
    /** Unknown hosts are recorded in known_hosts and accepted; a changed key is still refused. */
    ACCEPT_NEW,
    /** Every key is accepted and nothing is recorded: only when asked for. */
    OFF;

    /**
     * Reads {@code strict|accept-new|off} (and OpenSSH's {@code yes|no}, Ansible's booleans). Anything else is an
     * error: JSch silently treats unknown values as "no", which would accept changed keys.
     */
    public static HostKeyChecking parse(String value) {
        String v = value == null ? "strict" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "strict", "yes", "true", "on" -> STRICT;
            case "accept-new", "accept_new" -> ACCEPT_NEW;
            case "off", "no", "false" -> OFF;
            default -> throw new IllegalArgumentException("host key checking '" + value
                    + "' is not one of strict, accept-new, off");
        };
    }
}
