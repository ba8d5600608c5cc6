package dev.unwind.exec;

import dev.unwind.module.Become;
import dev.unwind.module.Connection;

/**
 * Where one run of a task's module goes: the connection and become, or why it cannot go there (an outcome, not yet
 * reported). A looped task's {@code delegate_to} may name each item's own host, as in Ansible.
 */
record Target(Connection conn, Become become, HostOutcome refused) {
    static Target to(Connection conn, Become become) {
        return new Target(conn, become, null);
    }

    static Target refused(HostOutcome why) {
        return new Target(null, null, why);
    }

    /** The delegate this run goes to for {@code host} (its connection reaches another inventory host), else null. */
    String delegateFor(String host) {
        return host.equals(conn.host()) ? null : conn.host();
    }
}
