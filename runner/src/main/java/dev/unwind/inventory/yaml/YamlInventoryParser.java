package dev.unwind.inventory.yaml;

import dev.unwind.input.InvalidInput;
import dev.unwind.inventory.HostAddress;
import dev.unwind.inventory.HostRange;
import dev.unwind.inventory.InventoryData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads a YAML (or JSON) inventory the way Ansible's {@code yaml} inventory plugin does. */
public final class YamlInventoryParser {
    private final InventoryData data;
    private final String file;
    private final YamlValues values;
    private final Consumer<String> warn;

    public YamlInventoryParser(InventoryData data, String file, Consumer<String> warn) {
        this.data = data;
        this.file = file;
        this.values = new YamlValues(file);
        this.warn = warn;
    }

    /** Parses a composed document (null for an empty file). */
    public void parse(Node root) {
        if (root == null || (root instanceof ScalarNode s && values.value(s) == null)) {
            throw new InvalidInput(dev.unwind.input.Position.of(file), "Parsed empty YAML file");
        }
        if (!(root instanceof MappingNode map)) {
            throw new InvalidInput(AnsibleYaml.position(file, root),
                    "YAML inventory has invalid structure, it should be a dictionary, got: " + root.getNodeId());
        }
        Map<String, NodeTuple> top = entries(map);
        if (top.containsKey("plugin") && truthy(values.value(top.get("plugin").getValueNode()))) {
            throw new InvalidInput(AnsibleYaml.position(file, map),
                    "Plugin configuration YAML file, not YAML inventory (inventory plugins are not supported)");
        }
        for (NodeTuple t : top.values()) {
            parseGroup(t.getKeyNode(), t.getValueNode());
        }
    }

    private static boolean truthy(Object v) {
        if (v == null || Boolean.FALSE.equals(v)) {
            return false;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }

    /** A mapping's entries by key text; a repeated key keeps its first place and its last value, as in Python. */
    private Map<String, NodeTuple> entries(MappingNode map) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : values.flatten(map)) {
            out.put(YamlValues.key(values.value(t.getKeyNode())), t);
        }
        return out;
    }

    private String parseGroup(Node keyNode, Node groupNode) {
        Object rawName = values.value(keyNode);
        boolean isNull = groupNode instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
        if (!(groupNode instanceof MappingNode) && !isNull) {
            warn.accept("Skipping '" + YamlValues.key(rawName) + "' as this is not a valid group definition ("
                    + AnsibleYaml.position(file, keyNode) + ")");
            return YamlValues.key(rawName);
        }
        if (!(rawName instanceof String name) || name.isEmpty()) {
            throw new InvalidInput(AnsibleYaml.position(file, keyNode),
                    "Invalid group name supplied, expected a non-empty string but got " + rawName);
        }
        data.addGroup(name);
        if (isNull) {
            return name;
        }
        Map<String, NodeTuple> sections = entries((MappingNode) groupNode);
        for (String section : List.of("vars", "children", "hosts")) {
            NodeTuple t = sections.get(section);
            if (t == null) {
                continue;
            }
            Node v = t.getValueNode();
            if (v instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) && values.value(s) instanceof String) {
                continue; // a single name: Ansible reads it as {name: null}
            }
            if (!(v instanceof MappingNode) && !(v instanceof ScalarNode s2 && s2.getTag().equals(Tag.NULL))) {
                throw new InvalidInput(AnsibleYaml.position(file, v), "Invalid \"" + section + "\" entry for \""
                        + name + "\" group, requires a dictionary, found \"" + v.getNodeId() + "\" instead.");
            }
        }
        for (Map.Entry<String, NodeTuple> e : sections.entrySet()) {
            String key = e.getKey();
            Node v = e.getValue().getValueNode();
            boolean stringShortcut = !key.equals("vars") && !key.equals("children") && !key.equals("hosts") ? false
                    : v instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) && values.value(s) instanceof String;
            if (!(v instanceof MappingNode) && !stringShortcut) {
                if (!(v instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
                    warn.accept("Skipping key (" + key + ") in group (" + name + ") as it is not a mapping ("
                            + AnsibleYaml.position(file, v) + ")");
                }
                continue;
            }
            switch (key) {
                case "vars" -> {
                    if (stringShortcut) {
                        data.setVariable(name, (String) values.value(v), null);
                    } else {
                        for (NodeTuple var : entries((MappingNode) v).values()) {
                            setVariable(name, YamlValues.key(values.value(var.getKeyNode())),
                                    values.value(var.getValueNode()), var.getKeyNode());
                        }
                    }
                }
                case "children" -> {
                    if (stringShortcut) {
                        String child = data.addGroup((String) values.value(v));
                        addChild(name, child, v);
                    } else {
                        for (NodeTuple child : entries((MappingNode) v).values()) {
                            String childName = parseGroup(child.getKeyNode(), child.getValueNode());
                            addChild(name, childName, child.getKeyNode());
                        }
                    }
                }
                case "hosts" -> {
                    if (stringShortcut) {
                        addHosts(name, v, null);
                    } else {
                        for (NodeTuple host : entries((MappingNode) v).values()) {
                            addHosts(name, host.getKeyNode(), host.getValueNode());
                        }
                    }
                }
                default -> warn.accept("Skipping unexpected key (" + key + ") in group (" + name
                        + "), only \"vars\", \"children\" and \"hosts\" are valid (" + AnsibleYaml.position(file, v) + ")");
            }
        }
        return name;
    }

    private void addChild(String parent, String child, Node where) {
        try {
            data.addChild(parent, child);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(AnsibleYaml.position(file, where), e.getMessage());
        }
    }

    private void setVariable(String entity, String key, Object value, Node where) {
        try {
            data.setVariable(entity, key, value, AnsibleYaml.position(file, where));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(AnsibleYaml.position(file, where), e.getMessage());
        }
    }

    private void addHosts(String group, Node keyNode, Node varsNode) {
        Object pattern = values.value(keyNode);
        if (!(pattern instanceof String p)) {
            throw new InvalidInput(AnsibleYaml.position(file, keyNode), "Host pattern " + pattern
                    + " must be a string. Enclose integers/floats in quotation marks.");
        }
        Object vars = varsNode == null ? null : values.value(varsNode);
        if (vars != null && !(vars instanceof Map)) {
            throw new InvalidInput(AnsibleYaml.position(file, varsNode),
                    "Invalid data from file, expected dictionary and got: " + vars);
        }
        String host = p;
        Integer port = null;
        try {
            HostAddress a = HostAddress.parse(p, true);
            host = a.host();
            port = a.port();
        } catch (IllegalArgumentException notAnAddress) {
            // Ansible keeps the text as the name
        }
        List<String> names;
        try {
            names = HostRange.hasRange(host) ? HostRange.expand(host) : List.of(host);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(AnsibleYaml.position(file, keyNode), "bad host range in '" + p + "': " + e.getMessage());
        }
        try {
            for (String n : names) {
                data.addHost(n, group, port);
                if (vars != null) {
                    for (Map.Entry<?, ?> v : ((Map<?, ?>) vars).entrySet()) {
                        data.setVariable(n, (String) v.getKey(), v.getValue(), AnsibleYaml.position(file, keyNode));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(AnsibleYaml.position(file, keyNode), e.getMessage());
        }
    }
}
