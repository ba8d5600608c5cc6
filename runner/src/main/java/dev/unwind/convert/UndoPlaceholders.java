package dev.unwind.convert;

import dev.unwind.input.Yaml11;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.List;
import java.util.Set;

/**
 * {@code undo: none} with a {@code reason:} placeholder and a {@code # TODO undo} comment, added to the tasks unwind
 * says can change a host without an undo (a {@code command} or {@code shell} Ansible ran with none), so the converted
 * playbook loads and the tasks that still want an undo are easy to find.
 */
final class UndoPlaceholders {
    static final String UNDO = "undo: none  # TODO undo: Ansible had none; write the task that takes this change back";
    static final String REASON = "reason: \"TODO: converted from Ansible - write an undo, or say why this change needs none\"";

    private UndoPlaceholders() {
    }

    /** The text with the placeholder added to each task mapping starting at one of {@code tasks} (line, column: 1-based). */
    static String add(String file, String text, Set<List<Integer>> tasks) {
        TextEdits edits = new TextEdits();
        visit(Yaml11.parse(file, text).root(), text, tasks, edits);
        return edits.applyTo(text);
    }

    private static void visit(Node n, String text, Set<List<Integer>> tasks, TextEdits edits) {
        if (n instanceof SequenceNode s) {
            s.getValue().forEach(c -> visit(c, text, tasks, edits));
        } else if (n instanceof MappingNode m) {
            List<Integer> at = List.of(m.getStartMark().getLine() + 1, m.getStartMark().getColumn() + 1);
            if (tasks.contains(at) && !m.getValue().isEmpty() && m.getFlowStyle() != org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW) {
                String indent = "\n" + " ".repeat(m.getStartMark().getColumn());
                edits.insert(endOfLastLine(m, text), indent + UNDO + indent + REASON);
            }
            for (NodeTuple t : m.getValue()) {
                visit(t.getValueNode(), text, tasks, edits);
            }
        }
    }

    /** Where the mapping's last line ends (before its newline): past its last value and any comment on that line. */
    private static int endOfLastLine(MappingNode m, String text) {
        NodeTuple last = m.getValue().get(m.getValue().size() - 1);
        int end = last.getValueNode().getEndMark().getIndex();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int nl = text.indexOf('\n', end);
        return nl < 0 ? text.length() : nl;
    }
}
