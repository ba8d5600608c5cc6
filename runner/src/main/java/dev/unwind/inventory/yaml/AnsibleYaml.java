package dev.unwind.inventory.yaml;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.input.YamlLimits;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Parses YAML text into nodes that remember where they were written. Unlike Ansible, which keeps the
 * last of duplicate keys with a warning, a duplicate key is an error here, as in every unwind input.
 */
public final class AnsibleYaml {
    private AnsibleYaml() {
    }

    private static Yaml yaml() {
        LoaderOptions options = YamlLimits.loaderOptions();
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new PyYamlResolver());
    }

    /** The single document of {@code text}, or null when it is empty. */
    public static Node compose(String text, String file) {
        try {
            Node root = yaml().compose(new java.io.StringReader(text));
            YamlLimits.check(file, root);
            return root;
        } catch (MarkedYAMLException e) {
            throw new InvalidInput(position(file, e.getProblemMark()), describe(e));
        } catch (YAMLException e) {
            throw new InvalidInput(Position.of(file), "not valid YAML: " + e.getMessage());
        }
    }

    /** Every document of {@code text} (k0sctl allows several). */
    public static List<Node> composeAll(String text, String file) {
        try {
            List<Node> nodes = new ArrayList<>();
            for (Node n : yaml().composeAll(new java.io.StringReader(text))) {
                YamlLimits.check(file, n);
                nodes.add(n);
            }
            return nodes;
        } catch (MarkedYAMLException e) {
            throw new InvalidInput(position(file, e.getProblemMark()), describe(e));
        } catch (YAMLException e) {
            throw new InvalidInput(Position.of(file), "not valid YAML: " + e.getMessage());
        }
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
        return "not valid YAML: " + problem + context;
    }

    public static Position position(String file, Mark mark) {
        if (mark == null) {
            return Position.of(file);
        }
        return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    public static Position position(String file, Node node) {
        return position(file, node.getStartMark());
    }
}
