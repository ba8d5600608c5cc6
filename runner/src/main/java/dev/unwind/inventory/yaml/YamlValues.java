package dev.unwind.inventory.yaml;

import dev.unwind.input.InvalidInput;
import dev.unwind.inventory.vault.VaultValue;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns composed nodes into plain Java values the way PyYAML's SafeConstructor (with Ansible's
 * additions) does: {@code Map<String,Object>} (keys as text), {@code List}, {@code String},
 * {@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean}, null, {@link LocalDate},
 * {@link YamlTimestamp} and {@link VaultValue}.
 */
public final class YamlValues {
    private static final Pattern TS = Pattern.compile("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
            + "(?:(?:[Tt]|[ \\t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]*))?"
            + "(?:[ \\t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?$");

    private final String file;
    private final Map<Node, Object> built = new IdentityHashMap<>();

    public YamlValues(String file) {
        this.file = file;
    }

    public Object value(Node node) {
        if (node == null) {
            return null;
        }
        if (built.containsKey(node)) {
            return built.get(node);
        }
        Object v;
        if (node instanceof ScalarNode s) {
            v = scalar(s);
        } else if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            built.put(node, list);
            for (Node item : seq.getValue()) {
                list.add(value(item));
            }
            v = list;
        } else {
            Map<String, Object> map = new LinkedHashMap<>();
            built.put(node, map);
            for (NodeTuple t : flatten((MappingNode) node)) {
                map.put(key(value(t.getKeyNode())), value(t.getValueNode()));
            }
            v = map;
        }
        built.put(node, v);
        return v;
    }

    /** A mapping's entries with merge keys ({@code <<}) expanded: merged entries first, explicit ones win. */
    public List<NodeTuple> flatten(MappingNode node) {
        List<NodeTuple> merged = new ArrayList<>();
        List<NodeTuple> own = new ArrayList<>();
        for (NodeTuple t : node.getValue()) {
            if (t.getKeyNode().getTag().equals(Tag.MERGE)) {
                Node v = t.getValueNode();
                if (v instanceof MappingNode m) {
                    merged.addAll(flatten(m));
                } else if (v instanceof SequenceNode seq) {
                    List<List<NodeTuple>> parts = new ArrayList<>();
                    for (Node sub : seq.getValue()) {
                        if (!(sub instanceof MappingNode sm)) {
                            throw new InvalidInput(AnsibleYaml.position(file, sub),
                                    "expected a mapping for merging, but found " + sub.getNodeId());
                        }
                        parts.add(flatten(sm));
                    }
                    for (int i = parts.size() - 1; i >= 0; i--) {
                        merged.addAll(parts.get(i));
                    }
                } else {
                    throw new InvalidInput(AnsibleYaml.position(file, v),
                            "expected a mapping or list of mappings for merging");
                }
            } else {
                own.add(t);
            }
        }
        merged.addAll(own);
        return merged;
    }

    /** Keys become text the way Python's json.dumps writes dict keys. */
    public static String key(Object k) {
        if (k == null) {
            return "null";
        }
        if (k instanceof String s) {
            return s;
        }
        return String.valueOf(k);
    }

    private Object scalar(ScalarNode s) {
        String text = s.getValue();
        String tag = s.getTag().getValue();
        switch (tag) {
            case "!vault", "!vault-encrypted":
                return new VaultValue(text, AnsibleYaml.position(file, s));
            case "!unsafe":
                return text;
            default:
                break;
        }
        Tag t = s.getTag();
        try {
            if (t.equals(Tag.NULL)) {
                return null;
            } else if (t.equals(Tag.BOOL)) {
                return Boolean.valueOf(text.equalsIgnoreCase("yes") || text.equalsIgnoreCase("true")
                        || text.equalsIgnoreCase("on"));
            } else if (t.equals(Tag.INT)) {
                return integer(text);
            } else if (t.equals(Tag.FLOAT)) {
                return floating(text);
            } else if (t.equals(Tag.TIMESTAMP)) {
                return timestamp(text);
            }
        } catch (RuntimeException e) {
            throw new InvalidInput(AnsibleYaml.position(file, s), "cannot read '" + text + "' as " + t.getValue());
        }
        return text;
    }

    static Object integer(String raw) {
        String v = raw.replace("_", "");
        int sign = 1;
        if (v.startsWith("-")) {
            sign = -1;
            v = v.substring(1);
        } else if (v.startsWith("+")) {
            v = v.substring(1);
        }
        BigInteger n;
        if (v.equals("0")) {
            n = BigInteger.ZERO;
        } else if (v.startsWith("0b")) {
            n = new BigInteger(v.substring(2), 2);
        } else if (v.startsWith("0x")) {
            n = new BigInteger(v.substring(2), 16);
        } else if (v.startsWith("0")) {
            n = new BigInteger(v, 8);
        } else if (v.contains(":")) {
            n = BigInteger.ZERO;
            for (String part : v.split(":")) {
                n = n.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
            }
        } else {
            n = new BigInteger(v);
        }
        if (sign < 0) {
            n = n.negate();
        }
        return n.bitLength() < 64 ? (Object) n.longValue() : n;
    }

    static Double floating(String raw) {
        String v = raw.replace("_", "").toLowerCase();
        double sign = 1;
        if (v.startsWith("-")) {
            sign = -1;
            v = v.substring(1);
        } else if (v.startsWith("+")) {
            v = v.substring(1);
        }
        if (v.equals(".inf")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (v.equals(".nan")) {
            return Double.NaN;
        }
        if (v.contains(":")) {
            double n = 0;
            for (String part : v.split(":")) {
                n = n * 60 + Double.parseDouble(part);
            }
            return sign * n;
        }
        return sign * Double.parseDouble(v);
    }

    static Object timestamp(String text) {
        Matcher m = TS.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad timestamp");
        }
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        if (m.group(4) == null) {
            return date;
        }
        StringBuilder iso = new StringBuilder(date.toString()).append('T')
                .append(String.format("%02d:%s:%s", Integer.parseInt(m.group(4)), m.group(5), m.group(6)));
        String fraction = m.group(7);
        if (fraction != null && !fraction.isEmpty()) {
            String micro = (fraction + "000000").substring(0, 6);
            if (Integer.parseInt(micro) != 0) {
                iso.append('.').append(micro);
            }
        }
        if (m.group(8) != null) {
            if (m.group(8).equals("Z")) {
                iso.append("+00:00");
            } else {
                String minutes = m.group(11) == null ? "00" : m.group(11);
                iso.append(m.group(9)).append(String.format("%02d", Integer.parseInt(m.group(10)))).append(':')
                        .append(minutes);
            }
        }
        return new YamlTimestamp(iso.toString());
    }
}
