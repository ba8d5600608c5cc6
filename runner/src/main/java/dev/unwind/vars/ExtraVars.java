package dev.unwind.vars;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.input.Yaml11;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code -e} values, merged in the order given: {@code k=v k2=v2}, {@code @file.yml}, or inline JSON/YAML. */
public final class ExtraVars {
    private ExtraVars() {
    }

    public static Map<String, Object> parse(List<String> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String v : values) {
            String s = v.strip();
            if (s.startsWith("@")) {
                out.putAll(Yaml11.read(Path.of(s.substring(1))).asVars());
            } else if (s.startsWith("{") || s.startsWith("[")) {
                Yaml11 doc = Yaml11.parse("-e '" + s + "'", s);
                if (doc.root() == null || !(doc.value(doc.root()) instanceof Map<?, ?>)) {
                    throw new InvalidInput(Position.of("-e " + s), "extra vars in JSON must be an object: {\"name\": value}");
                }
                out.putAll(doc.asVars());
            } else {
                for (String word : dev.unwind.module.Shell.split(s)) {
                    int eq = word.indexOf('=');
                    if (eq <= 0) {
                        throw new InvalidInput(Position.of("-e " + s),
                                "expected name=value, @file.yml or a JSON object, got '" + word + "'");
                    }
                    // k=v values stay strings, as in Ansible
                    out.put(word.substring(0, eq), word.substring(eq + 1));
                }
            }
        }
        return out;
    }
}
