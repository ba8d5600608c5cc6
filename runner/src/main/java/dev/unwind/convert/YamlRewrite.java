package dev.unwind.convert;

import dev.unwind.input.Yaml11;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One YAML file of a playbook or role, its Jinja rewritten in place: conditions ({@code when}, {@code changed_when},
 * {@code failed_when}, {@code until}, assert's {@code that}) as FreeMarker conditions, every other string with Jinja as
 * FreeMarker text, text FreeMarker would read inside {@code <#noparse>}, and {@code .j2} names as {@code .ftl}. Only
 * the scalars that change are rewritten: keys, comments and layout stay as they were.
 */
final class YamlRewrite {
    /** What rewriting gave: the new text, and what could not be converted. */
    record Rewritten(String text, List<Gap> gaps) {
    }

    static final Set<String> CONDITIONS = Set.of("when", "changed_when", "failed_when", "until");
    private static final Set<String> ASSERT = Set.of("assert", "ansible.builtin.assert", "ansible.legacy.assert");
    private static final Pattern JINJA = Pattern.compile("\\{\\{|\\{%|\\{#");
    private static final Pattern FTL_MARKUP = Pattern.compile("\\$\\{|#\\{|</?#|</?@");
    private static final Pattern J2 = Pattern.compile("\\.j2\\b");
    private static final Set<String> INCLUDE = Set.of("include", "ansible.builtin.include", "ansible.legacy.include");
    private static final Pattern WHOLE = Pattern.compile("(?s)\\A\\{\\{(.*)}}\\z");

    private final String file;
    private final String text;
    private final TextEdits edits = new TextEdits();
    private final List<Gap> gaps = new ArrayList<>();

    private YamlRewrite(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /** The file's text rewritten; {@code file} names it in gaps. Invalid YAML throws InvalidInput at its place. */
    static Rewritten of(String file, String text) {
        YamlRewrite r = new YamlRewrite(file, text);
        Node root = Yaml11.parse(file, text).root();
        if (root != null) {
            r.includes(root);
            r.visit(root);
        }
        return new Rewritten(r.edits.applyTo(text), List.copyOf(r.gaps));
    }

    private void visit(Node n) {
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = Yaml11.text(t.getKeyNode());
                Node value = t.getValueNode();
                if (t.getKeyNode() instanceof ScalarNode k && JINJA.matcher(k.getValue()).find()) {
                    text(k); // set_fact: '{{ item.key }}': ...
                }
                if (CONDITIONS.contains(key)) {
                    conditions(value);
                } else if (ASSERT.contains(key) && value instanceof MappingNode args) {
                    for (NodeTuple a : args.getValue()) {
                        if ("that".equals(Yaml11.text(a.getKeyNode()))) {
                            conditions(a.getValueNode());
                        } else {
                            visit(a.getValueNode());
                        }
                    }
                } else {
                    visit(value);
                }
            }
        } else if (n instanceof SequenceNode s) {
            s.getValue().forEach(this::visit);
        } else if (n instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            text(s);
        }
    }

    /**
     * The old {@code include} (removed in Ansible 2.16), as Ansible's porting guide replaces it: among plays,
     * {@code import_playbook}; in a task list, {@code include_tasks} (a task include was dynamic); in handlers,
     * {@code import_tasks} (a handler include was static). A file is a task list under a tasks/ or handlers/ folder, or
     * when none of its items is a play; one whose items are all includes, outside those folders, is an old site.yml.
     */
    private void includes(Node root) {
        if (!(root instanceof SequenceNode items)) {
            return;
        }
        Path path = Path.of(file);
        boolean handlers = false;
        boolean tasks = false;
        for (Path p = path.getParent(); p != null && p.getFileName() != null; p = p.getParent()) {
            handlers |= p.getFileName().toString().equals("handlers");
            tasks |= p.getFileName().toString().equals("tasks");
        }
        boolean plays = !tasks && !handlers && !items.getValue().isEmpty() && items.getValue().stream().allMatch(i ->
                keys(i).contains("hosts") || keys(i).stream().anyMatch(k -> INCLUDE.contains(k) || k.endsWith("import_playbook")));
        includes(root, plays ? "import_playbook" : handlers ? "import_tasks" : "include_tasks");
    }

    /** Every include key at or under {@code n} renamed; a play's tasks and handlers lists get a task include's names. */
    private void includes(Node n, String as) {
        if (n instanceof SequenceNode s) {
            s.getValue().forEach(i -> includes(i, as));
        } else if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = Yaml11.text(t.getKeyNode());
                if (INCLUDE.contains(key) && t.getKeyNode() instanceof ScalarNode k) {
                    if (t.getValueNode() instanceof ScalarNode v && v.getValue().strip().contains(" ")) {
                        gaps.add(new Gap(file, line(k), "an include with parameters after the file name has no unwind form:"
                                + " give them as vars:"));
                    } else {
                        edits.replace(k.getStartMark().getIndex(), k.getEndMark().getIndex(), as);
                    }
                } else if (key.equals("handlers")) {
                    includes(t.getValueNode(), "import_tasks");
                } else if (Set.of("tasks", "pre_tasks", "post_tasks", "block", "rescue", "always").contains(key)) {
                    includes(t.getValueNode(), as.equals("import_tasks") ? as : "include_tasks");
                }
            }
        }
    }

    private static List<String> keys(Node n) {
        return n instanceof MappingNode m ? m.getValue().stream().map(t -> Yaml11.text(t.getKeyNode())).toList() : List.of();
    }

    private void conditions(Node n) {
        if (n instanceof SequenceNode s) {
            s.getValue().forEach(this::conditions);
        } else if (n instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            String c = s.getValue().strip();
            java.util.regex.Matcher whole = WHOLE.matcher(c);
            if (whole.matches() && !whole.group(1).contains("{{")) {
                c = whole.group(1);
            }
            try {
                if (JINJA.matcher(c).find()) {
                    throw new Unconvertible("a condition is a bare expression: '{{ }}' inside one has no FreeMarker form");
                }
                replace(s, new JinjaExpressions().condition(c));
            } catch (Unconvertible u) {
                gaps.add(new Gap(file, line(s), u.getMessage()));
            }
        }
    }

    private void text(ScalarNode s) {
        String v = s.getValue();
        String converted = v;
        if (JINJA.matcher(v).find() || FTL_MARKUP.matcher(v).find()) {
            JinjaTemplates.Converted c = JinjaTemplates.convert(v);
            c.gaps().forEach(g -> gaps.add(new Gap(file, line(s) + g.line() - (block(s) ? 0 : 1), g.what())));
            converted = c.text();
        }
        converted = J2.matcher(converted).replaceAll(".ftl");
        if (!converted.equals(v)) {
            replace(s, converted);
        }
    }

    private void replace(ScalarNode s, String value) {
        if (value.equals(s.getValue())) {
            return;
        }
        int start = s.getStartMark().getIndex();
        int end = s.getEndMark().getIndex();
        if (block(s)) {
            // keep the newlines and blank lines after the block's last line
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
        }
        edits.replace(start, end, YamlScalars.write(s, value, contentIndent(s)));
    }

    private static boolean block(ScalarNode s) {
        return s.getScalarStyle() == ScalarStyle.LITERAL || s.getScalarStyle() == ScalarStyle.FOLDED;
    }

    /** The indentation of a block scalar's first content line (else two past its key's). */
    private int contentIndent(ScalarNode s) {
        int nl = text.indexOf('\n', s.getStartMark().getIndex());
        if (nl >= 0) {
            int i = nl + 1;
            while (i < text.length() && text.charAt(i) == '\n') {
                i++;
            }
            int spaces = 0;
            while (i + spaces < text.length() && text.charAt(i + spaces) == ' ') {
                spaces++;
            }
            if (spaces > 0) {
                return spaces;
            }
        }
        return s.getStartMark().getColumn() + 2;
    }

    private static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }
}
