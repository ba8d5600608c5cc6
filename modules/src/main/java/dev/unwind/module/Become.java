package dev.unwind.module;

/**
 * Privilege escalation with sudo. The password, when there is one, is fed on stdin by the
 * transport, never put on a command line; {@link #toString()} never shows it.
 */
public record Become(String user, String password) {

    public Become {
        user = user == null || user.isBlank() ? "root" : user;
    }

    /**
     * The command that runs {@code script} as {@link #user()}. With a password, the password is the first
     * line of stdin: the shell reads it, and an askpass helper hands it to sudo only if sudo asks. So with
     * NOPASSWD or cached credentials it never reaches the command's own stdin (as {@code sudo -S} would).
     */
    public String wrap(String script) {
        String target = " -H -u " + Shell.quote(user) + " -- /bin/sh -c " + Shell.quote(script);
        if (password == null) {
            return "sudo -n" + target;
        }
        return "IFS= read -r UNWIND_BECOME_PW && export UNWIND_BECOME_PW && a=$(mktemp) && chmod 700 \"$a\" && "
                + "{ echo '#!/bin/sh'; echo 'printf \"%s\\n\" \"$UNWIND_BECOME_PW\"'; } > \"$a\" && "
                + "SUDO_ASKPASS=\"$a\" sudo -A" + target + "; rc=$?; rm -f \"$a\"; exit $rc";
    }

    @Override
    public String toString() {
        return "Become[user=" + user + (password == null ? "" : ", password=********") + "]";
    }
}
