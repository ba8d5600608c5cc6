package dev.unwind.module.packages;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Shell;

/**
 * The .deb files of versions a run replaces or removes, kept on the host in the run's own folder before the change:
 * copied from apt's cache when it still has them, else downloaded from the repositories that offer them now. No
 * dpkg-repack here: a version that neither can give is not kept, and its undo says so.
 */
final class PriorDebs {
    /** The host folder of every run's kept packages; outside the trees a rollback compares. */
    static final String ROOT = "/var/lib/unwind/debs/";

    private PriorDebs() {
    }

    static String folder(String runId) {
        return ROOT + runId;
    }

    /** The shell that prints the kept .deb of {@code name} {@code version} in {@code dir}, or exits 3. */
    static String find(String dir, String name, String version) {
        String n = Shell.quote(Installed.bare(name));
        return "for f in " + Shell.quote(dir) + "/" + n + "_*.deb; do [ -f \"$f\" ] && [ \"$(dpkg-deb -f \"$f\" Version)\" = "
                + Shell.quote(version) + " ] && echo \"$f\" && exit 0; done; exit 3";
    }

    /** Keeps the .deb of {@code name} {@code version} in {@code dir}; false when no source has it. */
    static boolean keep(Connection c, String dir, String name, String version) throws ConnectionException {
        String d = Shell.quote(dir);
        String n = Shell.quote(Installed.bare(name));
        String v = Shell.quote(version);
        String script = "mkdir -p " + d + " && chmod 0700 " + Shell.quote(ROOT) + " && cd " + d + " && { ( " + find(dir, name, version)
                + " ) >/dev/null || { for f in /var/cache/apt/archives/" + n + "_*.deb; do [ -f \"$f\" ] && [ \"$(dpkg-deb -f \"$f\" Version)\" = "
                + v + " ] && cp -p \"$f\" . && exit 0; done; apt-get -q download " + n + "=" + v + " >/dev/null 2>&1 ; }; }; "
                + "( " + find(dir, name, version) + " ) >/dev/null";
        ExecResult r = c.exec(Command.of(script));
        return r.ok();
    }

    /** The tar of a package's conffiles kept before a purge, in {@code dir}. */
    static String conffiles(String dir, String name) {
        return dir + "/" + Installed.bare(name) + ".conffiles.tar";
    }

    /**
     * Keeps the conffiles of {@code name} that are on the host (with their modes and owners) before a purge takes
     * them: a reinstall would bring back the package's own, not the host's.
     */
    static void keepConffiles(Connection c, String dir, String name) throws ConnectionException {
        String list = Shell.quote(conffiles(dir, name) + ".list");
        String script = "mkdir -p " + Shell.quote(dir) + " && cd / && dpkg-query -W -f='${Conffiles}\\n' -- " + Shell.quote(Installed.bare(name))
                + " | awk 'NF>=2 && $NF!=\"obsolete\" {print substr($1,2)}' | while read -r f; do [ -e \"$f\" ] && printf '%s\\n' \"$f\"; done > "
                + list + "; if [ -s " + list + " ]; then tar -cpf " + Shell.quote(conffiles(dir, name)) + " -T " + list + "; fi; rm -f " + list;
        ExecResult r = c.exec(Command.of(script));
        if (!r.ok()) {
            throw new IllegalStateException("cannot keep the conffiles of " + name + " on " + c.host() + " before purging it: " + r.stderr().strip());
        }
    }

    /** Puts back the conffiles kept of {@code name}, if any were. */
    static void restoreConffiles(Connection c, String dir, String name) throws ConnectionException {
        String t = Shell.quote(conffiles(dir, name));
        ExecResult r = c.exec(Command.of("if [ -f " + t + " ]; then tar -C / -xpf " + t + "; fi"));
        if (!r.ok()) {
            throw new IllegalStateException("cannot restore the conffiles of " + name + " on " + c.host() + ": " + r.stderr().strip());
        }
    }
}
