package dev.unwind.mke.config;

import java.util.List;
import java.util.regex.Pattern;

/** MKE 3 settings whose values are secrets: shown masked, written only to 0600 files. */
final class SecretSettings {
    static final List<String> PATHS = List.of("auth.external_identity_provider.clientSecret",
            "auth.samlProxy.credentials.basic.password");

    private static final Pattern VALUE = Pattern.compile("=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\S+)");

    private SecretSettings() {
    }

    /** The TOML text with the value of every secret setting replaced by {@value Conversion#MASK}. */
    static String redact(Mke3Toml toml) {
        String[] lines = toml.text().split("\n", -1);
        for (String path : PATHS) {
            if (!present(toml, path)) {
                continue;
            }
            int line = toml.positions().of(path)[0] - 1;
            lines[line] = VALUE.matcher(lines[line]).replaceFirst("= \"" + Conversion.MASK + "\"");
        }
        return String.join("\n", lines);
    }

    private static boolean present(Mke3Toml toml, String path) {
        com.fasterxml.jackson.databind.JsonNode at = toml.root();
        for (String part : path.split("\\.")) {
            at = at.path(part);
        }
        return !at.isMissingNode();
    }
}
