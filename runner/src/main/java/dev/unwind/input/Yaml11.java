package dev.unwind.input;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * YAML 1.1, as Ansible reads it ({@code yes} is true, {@code 0644} is 420), composed into nodes that
 * keep their line and column, checked against {@link YamlLimits} (duplicate keys, alias expansion).
 */
public final class Yaml11 {
    private final String file;
    private final Node root;

    private Yaml11(String file, Node root) {
        this.file = file;
        this.root = root;
    }

    public static Yaml11 read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new InvalidInput(Position.of(path.toString()), "file not found");
        } catch (IOException e) {
            throw new InvalidInput(Position.of(path.toString()), "cannot read: " + e.getMessage());
        }
        return parse(path.toString(), text);
    }

    public static Yaml11 parse(String file, String text) {
        try (Reader r = new StringReader(text)) {
            Node root = new Yaml(new SafeConstructor(options()), new org.yaml.snakeyaml.representer.Representer(
                    new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options()).compose(r);
            YamlLimits.check(file, root);
            YamlLimits.noTags(file, root);
            return new Yaml11(file, root);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            throw new InvalidInput(new Position(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1),
                    "invalid YAML: " + what + context);
        } catch (YAMLException | IOException e) {
            String message = String.valueOf(e.getMessage());
            // snakeyaml gives its limits no position; say what to do instead
            if (message.contains("Nesting Depth")) {
                message = "lists and mappings are nested more than 100 deep: flatten the data";
            }
            throw new InvalidInput(Position.of(file), "invalid YAML: " + message);
        }
    }

    private static LoaderOptions options() {
        return YamlLimits.loaderOptions();
    }

    /** The document's root node, or null for an empty document. */
    public Node root() {
        return root;
    }

    public String file() {
        return file;
    }

    public Position at(Node node) {
        return YamlLimits.at(file, node);
    }

    /** The plain Java value of a node: maps, lists, strings, numbers, booleans, null (merge keys applied). */
    public Object value(Node node) {
        return new Values().of(node);
    }

    /** The root as a map of variables; empty for an empty file; a problem if it is not a mapping. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> asVars() {
        if (root == null) {
            return Map.of();
        }
        Object v = value(root);
        if (!(v instanceof Map<?, ?> m)) {
            throw new InvalidInput(at(root), "expected a mapping of variables (key: value)");
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        ((Map<Object, Object>) m).forEach((k, val) -> out.put(String.valueOf(k), val));
        return out;
    }

    /** Where the value of a top-level key is written; the file when the key is not there. */
    public Position valueAt(String key) {
        if (root instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
            for (var t : m.getValue()) {
                if (key.equals(text(t.getKeyNode()))) {
                    return at(t.getValueNode());
                }
            }
        }
        return Position.of(file);
    }

    /** The text of a scalar node, or null for a non-scalar. */
    public static String text(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    /** snakeyaml's safe constructor, with its node-to-value step made reachable. */
    private static final class Values extends SafeConstructor {
        Values() {
            super(options());
        }

        Object of(Node node) {
            return constructDocument(node);
        }
    }
}
