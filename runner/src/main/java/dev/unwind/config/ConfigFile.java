package dev.unwind.config;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ansible.cfg as Python's configparser reads it for Ansible: {@code [section]} headers (case kept), {@code key = value}
 * or {@code key: value} (keys lower-cased), whole-line comments with {@code #} or {@code ;}, inline comments after
 * {@code " ;"} only, indented lines continuing the value above (joined with a newline). A line it cannot read, a key
 * before any section or a key given twice in a section is an error naming the file and line, as Ansible refuses them.
 */
record ConfigFile(Path path, Map<String, Map<String, String>> sections) {

    static ConfigFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInput(Position.of(path.toString()), "cannot read Ansible's configuration: " + e.getMessage());
        }
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> section = null;
        String lastKey = null;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip();
            Position at = new Position(path.toString(), i + 1, 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                if (line.isEmpty()) {
                    lastKey = null;
                }
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0)) && section != null && lastKey != null) {
                section.put(lastKey, section.get(lastKey) + "\n" + withoutComment(line));
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String name = line.substring(1, line.length() - 1);
                if (sections.containsKey(name)) {
                    throw new InvalidInput(at, "section [" + name + "] is given twice: Ansible refuses this file; merge the two");
                }
                section = new LinkedHashMap<>();
                sections.put(name, section);
                lastKey = null;
                continue;
            }
            int eq = separator(line);
            if (eq <= 0) {
                throw new InvalidInput(at, "'" + line + "' is not 'key = value': Ansible refuses this file; fix or remove the line");
            }
            if (section == null) {
                throw new InvalidInput(at, "'" + line + "' comes before any [section]: put it under [defaults]");
            }
            String key = line.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            if (section.containsKey(key)) {
                throw new InvalidInput(at, "'" + key + "' is given twice in its section: Ansible refuses this file; keep one");
            }
            section.put(key, withoutComment(line.substring(eq + 1)).strip());
            lastKey = key;
        }
        return new ConfigFile(path, sections);
    }

    String value(String section, String key) {
        return sections.getOrDefault(section, Map.of()).get(key);
    }

    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        return eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    }

    /** configparser's inline comments: a {@code ;} after whitespace starts one ({@code #} does not, for Ansible). */
    private static String withoutComment(String value) {
        for (int i = 1; i < value.length(); i++) {
            if (value.charAt(i) == ';' && Character.isWhitespace(value.charAt(i - 1))) {
                return value.substring(0, i).strip();
            }
        }
        return value;
    }
}
