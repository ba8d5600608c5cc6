package dev.unwind.module.kernel;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.files.TextLines;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files that load a kernel module at boot (/etc/modules-load.d) and give it options (/etc/modprobe.d), read once
 * and edited in memory as Ansible's {@code modprobe persistent:} edits them: a line naming the module, or
 * {@code options NAME key=value} lines, are added in {@code NAME.conf} or disabled by a leading {@code #}. Every
 * edit is computed before anything is written, so check mode and the real run see the same before-images; a file
 * that is a link is edited where it points (Debian's modules-load.d/modules.conf is /etc/modules).
 */
final class ModuleConfig {
    static final String MODULES_LOAD = "/etc/modules-load.d";
    static final String MODPROBE_D = "/etc/modprobe.d";

    private final String name;
    private final Pattern moduleLine;
    private final Pattern paramLine;
    /** path (links resolved) → lines, for every regular file of both folders */
    private final Map<String, TextLines> loadFiles;
    private final Map<String, TextLines> optionFiles;
    /** the files whose content is to change, with their new content, in the order found */
    private final Map<String, byte[]> edits = new LinkedHashMap<>();

    private ModuleConfig(String name, Map<String, TextLines> loadFiles, Map<String, TextLines> optionFiles) {
        this.name = name;
        this.moduleLine = Pattern.compile("^ *" + Pattern.quote(name) + " *(?:[#;].*)?$");
        this.paramLine = Pattern.compile("^options " + Pattern.quote(name) + " (\\w+=\\S+) *(?:[#;].*)?$");
        this.loadFiles = loadFiles;
        this.optionFiles = optionFiles;
    }

    static ModuleConfig read(Connection c, String name) throws ConnectionException {
        return new ModuleConfig(name, files(c, MODULES_LOAD), files(c, MODPROBE_D));
    }

    private static Map<String, TextLines> files(Connection c, String dir) throws ConnectionException {
        // one line per file: the path as it is listed, then where it leads
        ExecResult r = c.exec(Command.of("for f in " + dir + "/*; do [ -f \"$f\" ] && printf '%s\\n' \"$(readlink -f -- \"$f\")\"; done; exit 0"));
        Map<String, TextLines> out = new LinkedHashMap<>();
        for (String path : r.stdout().split("\n")) {
            if (!path.isBlank() && !out.containsKey(path)) {
                out.put(path, TextLines.of(c.get(path).orElse(new byte[0])));
            }
        }
        return out;
    }

    boolean loadedAtBoot() {
        return loadFiles.values().stream().anyMatch(t -> t.lines.stream().anyMatch(l -> moduleLine.matcher(l).matches()));
    }

    Set<String> bootParams() {
        Set<String> out = new LinkedHashSet<>();
        for (TextLines t : optionFiles.values()) {
            for (String l : t.lines) {
                var m = paramLine.matcher(l);
                if (m.matches()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** Ansible's persistent=present; false when nothing is to change. */
    boolean makePresent(String params) {
        Set<String> wanted = new LinkedHashSet<>(List.of(params.isBlank() ? new String[0] : params.trim().split("\\s+")));
        boolean atBoot = loadedAtBoot();
        boolean paramsSet = wanted.equals(bootParams());
        if (atBoot && paramsSet) {
            return false;
        }
        if (!atBoot) {
            edits.put(MODULES_LOAD + "/" + name + ".conf", (name + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!paramsSet) {
            disable(optionFiles, paramLine);
            List<String> lines = new ArrayList<>();
            wanted.forEach(p -> lines.add("options " + name + " " + p));
            edits.put(MODPROBE_D + "/" + name + ".conf", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return true;
    }

    /** Ansible's persistent=absent; false when nothing is to change. */
    boolean makeAbsent() {
        boolean atBoot = loadedAtBoot();
        boolean params = !bootParams().isEmpty();
        if (atBoot) {
            disable(loadFiles, moduleLine);
        }
        if (params) {
            disable(optionFiles, paramLine);
        }
        return atBoot || params;
    }

    private void disable(Map<String, TextLines> files, Pattern line) {
        files.forEach((path, t) -> {
            TextLines copy = TextLines.of(t.bytes());
            boolean changed = false;
            for (int i = 0; i < copy.lines.size(); i++) {
                if (line.matcher(copy.lines.get(i)).matches()) {
                    copy.lines.set(i, "#" + copy.lines.get(i));
                    changed = true;
                }
            }
            if (changed) {
                edits.put(path, copy.bytes());
            }
        });
    }

    Map<String, byte[]> edits() {
        return edits;
    }
}
