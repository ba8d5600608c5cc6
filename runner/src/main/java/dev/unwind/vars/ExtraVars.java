package dev.unwind.vars;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.input.Yaml11;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -e} values, merged in the order given, as Ansible reads them: {@code @file} (a YAML or JSON
 * vars file, relative to the working directory), an inline JSON/YAML object (types kept), or
 * {@code k=v k2=v2} (values are strings). Every malformed value is invalid input quoting the text.
 */
public final class ExtraVars {
    private ExtraVars() {
    }

    public static Map<String, Object> parse(List<String> values) {
        return parse(values, p -> Yaml11.read(p).asVars());
    }

    /** With {@code files} reading an {@code @file} (the run's, which opens an ansible-vault encrypted one). */
    public static Map<String, Object> parse(List<String> values, java.util.function.Function<Path, Map<String, Object>> files) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String v : values) {
            String s = v.strip();
            if (s.startsWith("@")) {
                out.putAll(file(s.substring(1), files));
            } else if (s.startsWith("{") || s.startsWith("[")) {
                out.putAll(inline(s));
            } else {
                out.putAll(keyValues(s));
            }
        }
        return out;
    }

    private static Map<String, Object> file(String name, java.util.function.Function<Path, Map<String, Object>> files) {
        if (name.isBlank()) {
            throw new InvalidInput(Position.of(where("@")), "-e @ needs a file name: -e @vars.yml");
        }
        return files.apply(Path.of(name));
    }

    private static Map<String, Object> inline(String s) {
        Yaml11 doc = Yaml11.parse(where(s), s);
        if (!(doc.root() instanceof MappingNode)) {
            throw new InvalidInput(Position.of(where(s)), "extra vars in JSON or YAML must be an object: {\"name\": value}");
        }
        missingValue(doc, doc.root());
        return doc.asVars();
    }

    /** YAML reads {@code {"a": }} as a: null; a value left out is a typo, not a null (write null for that). */
    private static void missingValue(Yaml11 doc, Node node) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                Node value = t.getValueNode();
                if (value instanceof ScalarNode sc && sc.getTag().equals(Tag.NULL) && sc.getValue().isEmpty()
                        && sc.getScalarStyle() == ScalarStyle.PLAIN) {
                    throw new InvalidInput(doc.at(value), "the value of '" + Yaml11.text(t.getKeyNode())
                            + "' is missing: give one, or write null");
                }
                missingValue(doc, value);
            }
        } else if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(n -> missingValue(doc, n));
        }
    }

    private static Map<String, Object> keyValues(String s) {
        List<String> words;
        try {
            words = dev.unwind.module.Shell.split(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Position.of(where(s)), "a quote is not closed: close it, or quote the whole value"
                    + " for the shell, e.g. -e 'name=\"two words\"'");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInput(Position.of(where(s)),
                        "expected name=value, @file.yml or a JSON object, got '" + word + "'");
            }
            // k=v values stay strings, as in Ansible
            out.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return out;
    }

    /** How an inline value is named in messages: the option as it was typed. */
    private static String where(String text) {
        return "-e '" + text + "'";
    }
}
