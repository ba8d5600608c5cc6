package dev.unwind.mke.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MKE 3 custom flags ({@code ["--v=2", "--profiling"]}) as an MKE 4k {@code extraArgs} map
 * ({@code v: "2"}, {@code profiling: "true"}). k0s passes extraArgs as strings, so values stay strings.
 */
final class FlagArgs {
    private FlagArgs() {
    }

    static Map<String, String> convert(String setting, List<String> flags, Findings findings) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String flag : flags) {
            String f = flag.strip();
            if (!f.startsWith("--") || f.length() == 2) {
                findings.notConverted(setting, "'" + flag + "' is not a --name=value flag");
                continue;
            }
            int eq = f.indexOf('=');
            String name = eq < 0 ? f.substring(2) : f.substring(2, eq);
            String value = eq < 0 ? "true" : f.substring(eq + 1);
            if (name.isBlank() || name.contains(" ")) {
                findings.notConverted(setting, "'" + flag + "' has no usable flag name");
                continue;
            }
            String before = args.get(name);
            if (before != null && !before.equals(value)) {
                // extraArgs is a map: a flag repeated with different values cannot be expressed
                findings.notConverted(setting, "'--" + name + "' is given more than once with different values;"
                        + " MKE 4k extraArgs holds one value per flag (kept '" + before + "')");
                continue;
            }
            args.put(name, value);
        }
        return args;
    }
}
