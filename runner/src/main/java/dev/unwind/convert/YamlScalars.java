package dev.unwind.convert;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.regex.Pattern;

/**
 * A converted string written back as YAML, in the style the original scalar had where the new text allows it: plain
 * stays plain unless the text would read as something else, quotes stay quotes, a block stays a block.
 */
final class YamlScalars {
    private static final Resolver RESOLVER = new Resolver();
    private static final Pattern PLAIN_START = Pattern.compile("[-?:,\\[\\]{}#&*!|>'\"%@`\\s].*", Pattern.DOTALL);

    private YamlScalars() {
    }

    /** The YAML text for {@code value} where {@code original} was; {@code indent} is the block's content indentation. */
    static String write(ScalarNode original, String value, int indent) {
        ScalarStyle style = original.getScalarStyle();
        if ((style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) && !value.startsWith(" ")) {
            return block(value, indent);
        }
        if (style == ScalarStyle.PLAIN && plainSafe(value)) {
            return value;
        }
        if (!value.contains("\n") && (style == ScalarStyle.SINGLE_QUOTED || value.contains("\"") && !value.contains("'"))) {
            return "'" + value.replace("'", "''") + "'";
        }
        return doubleQuoted(value);
    }

    private static boolean plainSafe(String v) {
        return !v.isEmpty() && !v.contains("\n") && !PLAIN_START.matcher(v).matches() && !v.contains(": ") && !v.contains(" #")
                && !v.endsWith(" ") && !v.endsWith(":") && RESOLVER.resolve(NodeId.scalar, v, true).equals(Tag.STR);
    }

    static String doubleQuoted(String v) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A literal block ({@code |}), its chomping saying how the text ends. */
    private static String block(String v, int indent) {
        String body = v.replaceAll("\n+\\z", "");
        int trailing = v.length() - body.length();
        String chomp = trailing == 0 ? "-" : trailing == 1 ? "" : "+";
        String pad = " ".repeat(indent);
        StringBuilder out = new StringBuilder("|" + chomp);
        for (String line : (body + "\n".repeat(Math.max(0, trailing - 1))).split("\n", -1)) {
            out.append('\n').append(line.isEmpty() ? "" : pad + line);
        }
        return out.toString();
    }
}
