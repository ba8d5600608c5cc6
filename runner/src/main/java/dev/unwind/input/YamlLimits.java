package dev.unwind.input;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The limits every YAML reader applies (playbooks, task and vars files, inventories, group_vars,
 * host_vars, {@code -e @file}), and the checks snakeyaml's compose leaves out: duplicate keys, aliases
 * that expand into more nodes than any real input has (billion laughs), and aliases that contain
 * themselves. Composing keeps aliases shared, so the document is small; everything that walks it
 * afterwards (lint, rendering) sees the expansion, which is what is bounded here.
 */
public final class YamlLimits {
    /** Far more than any playbook or inventory has, and walked in milliseconds. */
    static final long MAX_EXPANDED_NODES = 100_000;

    private YamlLimits() {
    }

    public static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        o.setAllowRecursiveKeys(false);
        o.setMaxAliasesForCollections(100);
        o.setNestingDepthLimit(100);
        o.setCodePointLimit(16 * 1024 * 1024);
        return o;
    }

    /** Throws {@link InvalidInput} with every duplicate key, or the first alias that expands too far. */
    public static void check(String file, Node root) {
        if (root == null) {
            return;
        }
        List<Problem> problems = new ArrayList<>();
        new Walk(file, problems).expandedSize(root);
        if (problems.isEmpty()) {
            duplicateKeys(file, root, problems, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /**
     * Playbooks and vars files take no YAML tags: {@code when: !x} is the tag !x to YAML, not "not x", and would fail
     * when its value is built. Each one is a problem at its place (inventories read !vault and !unsafe elsewhere).
     */
    public static void noTags(String file, Node root) {
        List<Problem> problems = new ArrayList<>();
        tags(file, root, problems, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private static void tags(String file, Node node, List<Problem> out, Set<Node> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        String tag = node.getTag().getValue();
        if (!tag.startsWith("tag:yaml.org,2002:")) {
            out.add(new Problem(at(file, node), tag.equals("!vault")
                    ? "a !vault value here is not opened (only inventories' are yet): put it in the inventory's group_vars"
                    + " or host_vars"
                    : "'" + tag + "' is a YAML tag (a value starting with '!'): quote the value, e.g. \"" + tag
                    + (node instanceof ScalarNode s && !s.getValue().isEmpty() ? " " + s.getValue() : "") + "\""));
        }
        if (node instanceof MappingNode m) {
            m.getValue().forEach(t -> {
                tags(file, t.getKeyNode(), out, seen);
                tags(file, t.getValueNode(), out, seen);
            });
        } else if (node instanceof SequenceNode q) {
            q.getValue().forEach(n -> tags(file, n, out, seen));
        }
    }

    public static Position at(String file, Node node) {
        return new Position(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    private static void duplicateKeys(String file, Node node, List<Problem> out, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        if (node instanceof MappingNode m) {
            Set<String> keys = new HashSet<>();
            for (NodeTuple t : m.getValue()) {
                String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if (k != null && !k.equals("<<") && !keys.add(k)) {
                    out.add(new Problem(at(file, t.getKeyNode()), "duplicate key '" + k + "': remove one of them"));
                }
                duplicateKeys(file, t.getValueNode(), out, seen);
            }
        } else if (node instanceof SequenceNode s) {
            s.getValue().forEach(n -> duplicateKeys(file, n, out, seen));
        }
    }

    /** Counts nodes as if every alias were copied out, each shared node counted once (memoised). */
    private static final class Walk {
        private final String file;
        private final List<Problem> problems;
        private final Map<Node, Long> sizes = new IdentityHashMap<>();
        private final Set<Node> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Walk(String file, List<Problem> problems) {
            this.file = file;
            this.problems = problems;
        }

        long expandedSize(Node node) {
            Long known = sizes.get(node);
            if (known != null) {
                return known;
            }
            if (!open.add(node)) {
                fail(node, "an alias refers to a node that contains it (a recursive structure): unwind cannot use it");
                return MAX_EXPANDED_NODES + 1;
            }
            long size = 1;
            if (node instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    size += expandedSize(t.getKeyNode()) + expandedSize(t.getValueNode());
                    if (size > MAX_EXPANDED_NODES) {
                        break;
                    }
                }
            } else if (node instanceof SequenceNode s) {
                for (Node n : s.getValue()) {
                    size += expandedSize(n);
                    if (size > MAX_EXPANDED_NODES) {
                        break;
                    }
                }
            }
            open.remove(node);
            if (size > MAX_EXPANDED_NODES && problems.isEmpty()) {
                fail(node, "aliases here expand to more than " + MAX_EXPANDED_NODES + " values (a 'billion laughs'"
                        + " document?): write the data out or use fewer nested aliases");
            }
            sizes.put(node, size);
            return size;
        }

        private void fail(Node node, String message) {
            if (problems.isEmpty()) {
                problems.add(new Problem(at(file, node), message));
            }
        }
    }
}
