package dev.unwind.module.accounts;

/** One line of /etc/passwd. */
public record PasswdEntry(String name, String password, String uid, String gid, String comment, String home, String shell) {

    public static PasswdEntry parse(String line) {
        String[] f = line.split(":", -1);
        if (f.length < 7) {
            throw new IllegalArgumentException("malformed /etc/passwd line for " + AccountText.keyOf(line));
        }
        return new PasswdEntry(f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
    }
}
