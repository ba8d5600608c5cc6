package dev.unwind.module.packages;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Shell;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What dpkg knows of some packages, by name: version and status as {@code dpkg-query -W} reports them. A package
 * dpkg has never heard of is absent from the map.
 */
public record Installed(Map<String, PackageState> packages) {

    /** The dpkg-query format {@link #parse} reads: one tab-separated line per package. */
    static final String FORMAT = "${binary:Package}\\t${Version}\\t${db:Status-Status}\\n";

    public Installed {
        packages = Map.copyOf(packages);
    }

    /** One package as dpkg records it. */
    public record PackageState(String name, String version, Status status) {
        /** Whether the package's files are on the host (a version is installed, maybe not yet configured). */
        public boolean installed() {
            return status != Status.NOT_INSTALLED && status != Status.CONFIG_FILES;
        }
    }

    /** dpkg's package statuses ({@code db:Status-Status}). */
    public enum Status {
        NOT_INSTALLED, CONFIG_FILES, HALF_INSTALLED, UNPACKED, HALF_CONFIGURED, TRIGGERS_AWAITED, TRIGGERS_PENDING, INSTALLED;

        static Status parse(String s) {
            return valueOf(s.trim().toUpperCase().replace('-', '_'));
        }
    }

    public static Installed query(Connection c, Collection<String> names) throws ConnectionException {
        if (names.isEmpty()) {
            return new Installed(Map.of());
        }
        // exit 1 only says some name is unknown to dpkg; what it knows is still printed
        ExecResult r = c.exec(Command.of("dpkg-query -W -f='" + FORMAT + "' -- " + Shell.join(names.stream().map(Installed::bare).toList())
                + " 2>/dev/null; [ $? -le 1 ]"));
        if (!r.ok()) {
            throw new IllegalStateException("dpkg-query failed on " + c.host() + ": " + r.stderr().strip());
        }
        return parse(r.stdout());
    }

    static Installed parse(String out) {
        Map<String, PackageState> m = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 3 || f[0].isBlank()) {
                continue;
            }
            String name = bare(f[0]);
            m.put(name, new PackageState(name, f[1], Status.parse(f[2])));
        }
        return new Installed(m);
    }

    /** The package, or a not-installed one when dpkg does not know it. */
    public PackageState of(String name) {
        return packages.getOrDefault(bare(name), new PackageState(bare(name), "", Status.NOT_INSTALLED));
    }

    /** The installed version, or null. */
    public String version(String name) {
        PackageState p = of(name);
        return p.installed() ? p.version() : null;
    }

    /** {@code libc6:amd64} is {@code libc6}: the hosts here install one architecture of a package. */
    static String bare(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}
