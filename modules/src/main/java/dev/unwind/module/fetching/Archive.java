package dev.unwind.module.fetching;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An archive on a host, read and unpacked by the host's own tools: GNU tar (which recognises gzip, xz and bzip2 by
 * itself) or unzip.
 */
record Archive(String path, Format format) {

    enum Format {
        TAR("TgzArchive"), ZIP("ZipArchive");

        final String handler;

        Format(String handler) {
            this.handler = handler;
        }
    }

    /** One member, by its path under dest after {@code --strip-components}. */
    record Member(String name, boolean directory) {
    }

    /** Looks at the archive: a zip when unzip can list it, else a tar. */
    static Archive at(Connection c, String path) throws ConnectionException {
        ExecResult zip = c.exec(Command.of("command -v unzip >/dev/null 2>&1 && unzip -Z1 -- " + Shell.quote(path) + " >/dev/null 2>&1"));
        return new Archive(path, zip.ok() ? Format.ZIP : Format.TAR);
    }

    /** Its members, each with the directories above it that it implies, parents first. */
    List<Member> members(Connection c, List<String> extraOpts) throws ConnectionException {
        String q = Shell.quote(path);
        ExecResult r = c.exec(Command.of(format == Format.ZIP ? "unzip -Z1 -- " + q : "tar --quoting-style=literal -tf " + q));
        if (!r.ok()) {
            throw new IllegalStateException("cannot list " + path + " on " + c.host() + " (" + format.handler + "): " + r.stderr().strip());
        }
        int strip = stripComponents(extraOpts);
        Set<String> dirs = new LinkedHashSet<>();
        Set<String> files = new LinkedHashSet<>();
        for (String line : r.stdout().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            boolean dir = line.endsWith("/");
            List<String> parts = new ArrayList<>();
            for (String p : line.split("/")) {
                if (p.isEmpty() || p.equals(".")) {
                    continue;
                }
                if (p.equals("..")) {
                    throw new IllegalStateException(path + " has a member outside dest: " + line);
                }
                parts.add(p);
            }
            if (parts.size() <= strip) {
                continue;
            }
            parts = parts.subList(strip, parts.size());
            for (int i = 1; i < parts.size(); i++) {
                dirs.add(String.join("/", parts.subList(0, i)));
            }
            (dir ? dirs : files).add(String.join("/", parts));
        }
        List<Member> out = new ArrayList<>();
        dirs.forEach(d -> out.add(new Member(d, true)));
        files.stream().filter(f -> !dirs.contains(f)).forEach(f -> out.add(new Member(f, false)));
        return out;
    }

    /**
     * Whether dest already holds the archive exactly: for a tar, {@code tar --compare} (content, mode, owner, times);
     * for a zip, every directory there and every file's content equal.
     */
    boolean unpackedIn(Connection c, String dest, List<String> extraOpts, List<Member> members) throws ConnectionException {
        String d = Shell.quote(dest);
        if (format == Format.TAR) {
            // a member stripped to nothing (--strip-components) is compared as "", which tar cannot stat: not a difference
            ExecResult r = c.exec(Command.of("tar -C " + d + " --compare -f " + Shell.quote(path) + opts(extraOpts) + " 2>&1"));
            return r.ok() || r.stdout().lines().allMatch(l -> l.startsWith("tar: : Warning: Cannot stat"));
        }
        StringBuilder names = new StringBuilder();
        for (Member m : members) {
            names.append(m.directory() ? "D " : "F ").append(m.name()).append('\n');
        }
        String script = "while IFS= read -r line; do k=${line%% *}; n=${line#* }; p=" + d + "/$n; "
                + "if [ \"$k\" = D ]; then [ -d \"$p\" ] && [ ! -L \"$p\" ] || exit 1; "
                + "else [ -f \"$p\" ] && [ ! -L \"$p\" ] && unzip -p -- " + Shell.quote(path) + " \"$n\" | cmp -s - \"$p\" || exit 1; fi; done";
        return c.exec(Command.of(script).withStdin(names.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))).ok();
    }

    void extract(Connection c, String dest, List<String> extraOpts) throws ConnectionException {
        String d = Shell.quote(dest);
        String q = Shell.quote(path);
        ExecResult r = c.exec(Command.of(format == Format.ZIP ? "unzip -o -q " + q + opts(extraOpts) + " -d " + d
                : "tar -C " + d + " -xf " + q + opts(extraOpts)));
        if (!r.ok()) {
            throw new IllegalStateException("failed to unpack " + path + " to " + dest + " on " + c.host() + ": " + r.stderr().strip());
        }
    }

    /** tar unlinks a file before it writes the member (a hard link aside keeps the old content); unzip writes into it. */
    boolean replacesInPlace() {
        return format == Format.ZIP;
    }

    private static String opts(List<String> extraOpts) {
        return extraOpts.isEmpty() ? "" : " " + Shell.join(extraOpts);
    }

    private static int stripComponents(List<String> extraOpts) {
        for (int i = 0; i < extraOpts.size(); i++) {
            String o = extraOpts.get(i);
            if (o.startsWith("--strip-components=")) {
                return Integer.parseInt(o.substring(o.indexOf('=') + 1).strip());
            }
            if (o.equals("--strip-components") && i + 1 < extraOpts.size()) {
                return Integer.parseInt(extraOpts.get(i + 1).strip());
            }
        }
        return 0;
    }
}
