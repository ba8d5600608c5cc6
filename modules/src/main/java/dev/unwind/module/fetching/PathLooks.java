package dev.unwind.module.fetching;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Many paths looked at in one command: their stats, and the SHA-256 of each regular file among them. */
final class PathLooks {
    private PathLooks() {
    }

    record Look(FileStat stat, String sha256) {
    }

    static Map<String, Look> of(Connection c, List<String> paths) throws ConnectionException {
        Map<String, Look> out = new LinkedHashMap<>();
        if (paths.isEmpty()) {
            return out;
        }
        String script = "while IFS= read -r p; do if [ -f \"$p\" ] && [ ! -L \"$p\" ]; then printf 'SHA %s\\n' "
                + "\"$(sha256sum < \"$p\" | cut -d' ' -f1)\"; fi; (" + FileStat.script("\"$p\"") + "); printf '\\036\\n'; done";
        ExecResult r = c.exec(Command.of(script).withStdin((String.join("\n", paths) + "\n").getBytes(StandardCharsets.UTF_8)));
        if (!r.ok()) {
            throw new IllegalStateException("cannot look at the paths to unpack on " + c.host() + ": " + r.stderr().strip());
        }
        String[] chunks = r.stdout().split("\036\n", -1);
        for (int i = 0; i < paths.size(); i++) {
            String chunk = chunks[i];
            String sha = null;
            if (chunk.startsWith("SHA ")) {
                int eol = chunk.indexOf('\n');
                sha = chunk.substring(4, eol);
                chunk = chunk.substring(eol + 1);
            }
            out.put(paths.get(i), new Look(FileStat.parse(chunk), sha));
        }
        return out;
    }
}
