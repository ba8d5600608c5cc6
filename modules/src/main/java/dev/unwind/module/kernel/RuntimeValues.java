package dev.unwind.module.kernel;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Shell;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The kernel's current values of some keys, as {@code sysctl KEY...} prints them; a key it cannot read is missing. */
final class RuntimeValues {
    private RuntimeValues() {
    }

    static Map<String, String> read(Connection c, Collection<String> keys) throws ConnectionException {
        Map<String, String> v = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return v;
        }
        ExecResult r = c.exec(Command.of("sysctl -e -- " + Shell.join(keys.stream().toList()) + " 2>/dev/null; true"));
        return parse(r.stdout());
    }

    static Map<String, String> parse(String out) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf(" = ");
            if (eq > 0) {
                v.put(line.substring(0, eq).strip().replace('/', '.'), line.substring(eq + 3).strip());
            } else if (line.endsWith(" =")) {
                v.put(line.substring(0, line.length() - 2).strip().replace('/', '.'), "");
            }
        }
        return v;
    }

    /** Sets one key; the host's error when the kernel refuses. */
    static void write(Connection c, String key, String value, boolean ignoreErrors) throws ConnectionException {
        ExecResult r = c.exec(Command.of("sysctl " + (ignoreErrors ? "-e " : "") + "-w " + Shell.quote(key + "=" + value)));
        if (!r.ok()) {
            throw new IllegalStateException("sysctl -w " + key + "=" + value + " failed on " + c.host() + ": "
                    + (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip());
        }
    }
}
