package dev.unwind.module;

/**
 * Privilege escalation with sudo. The password, when there is one, is fed on stdin by the
 * transport, never put on a command line; {@link #toString()} never shows it.
 */
public record Become(String user, String password) {

    public Become {
        user = user == null || user.isBlank() ? "root" : user;
    }

    /** The command that runs {@code script} as {@link #user()}; {@code -S} reads the password from stdin. */
    public String wrap(String script) {
        String prompt = password == null ? "-n" : "-S -p ''";
        return "sudo " + prompt + " -H -u " + Shell.quote(user) + " -- /bin/sh -c " + Shell.quote(script);
    }

    @Override
    public String toString() {
        return "Become[user=" + user + (password == null ? "" : ", password=********") + "]";
    }
}
