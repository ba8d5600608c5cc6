package dev.unwind.convert;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.ext.AstDict;
import com.hubspot.jinjava.el.ext.AstList;
import com.hubspot.jinjava.el.ext.AstNamedParameter;
import com.hubspot.jinjava.el.ext.AstRangeBracket;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import dev.unwind.convert.Fm.Kind;
import jinjava.de.odysseus.el.tree.TreeBuilderException;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstBoolean;
import jinjava.de.odysseus.el.tree.impl.ast.AstBracket;
import jinjava.de.odysseus.el.tree.impl.ast.AstChoice;
import jinjava.de.odysseus.el.tree.impl.ast.AstDot;
import jinjava.de.odysseus.el.tree.impl.ast.AstEval;
import jinjava.de.odysseus.el.tree.impl.ast.AstFunction;
import jinjava.de.odysseus.el.tree.impl.ast.AstIdentifier;
import jinjava.de.odysseus.el.tree.impl.ast.AstMethod;
import jinjava.de.odysseus.el.tree.impl.ast.AstNested;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstNull;
import jinjava.de.odysseus.el.tree.impl.ast.AstNumber;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstString;
import jinjava.de.odysseus.el.tree.impl.ast.AstUnary;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Jinja expressions, parsed by Jinjava's parser, written as FreeMarker: {@code x | default('a')} is {@code x!"a"},
 * {@code x is defined} is {@code x??}, {@code 'b' in l} is {@code l?seq_contains("b")}, {@code not a and b} is
 * {@code !a && b}. Inside a template's {@code {% for %}} the loops in scope turn {@code loop.index} into the loop
 * variable's {@code ?counter}. What has no FreeMarker form throws {@link Unconvertible}.
 */
final class JinjaExpressions {
    /** A {@code {% for %}} in scope: its (first) loop variable and the FreeMarker expression it lists. */
    record LoopScope(String variable, Fm list) {
    }

    private static final Set<String> STRING_NAMES = Set.of("stdout", "stderr", "msg", "inventory_hostname",
            "inventory_hostname_short", "ansible_hostname", "ansible_fqdn", "ansible_os_family", "ansible_distribution",
            "ansible_distribution_version", "ansible_distribution_release", "ansible_distribution_major_version",
            "ansible_architecture", "ansible_kernel", "ansible_system", "ansible_user", "playbook_dir", "role_path");
    private static final Set<String> SEQUENCE_NAMES = Set.of("stdout_lines", "stderr_lines", "results", "group_names",
            "ansible_play_hosts", "ansible_play_hosts_all", "ansible_play_batch", "play_hosts", "ansible_all_ipv4_addresses");

    private static final java.util.regex.Pattern PYTHON_OCTAL_ESCAPE = java.util.regex.Pattern.compile("(?<!\\\\)\\\\([0-7]{1,3})");

    private static final java.util.regex.Pattern PYTHON_NEWLINE = java.util.regex.Pattern.compile("(?<!\\\\)\\\\n");
    private static final java.util.regex.Pattern PYTHON_TAB = java.util.regex.Pattern.compile("(?<!\\\\)\\\\t");
    /** Private-use characters standing for \n and \t while Jinjava's scanner reads the expression. */
    private static final char NEWLINE_MARK = '\uE000';
    private static final char TAB_MARK = '\uE001';

    private final Deque<LoopScope> loops = new ArrayDeque<>();

    /** The {@code {% for %}} loops now open, innermost first. */
    Deque<LoopScope> loops() {
        return loops;
    }

    /** A Jinja expression as a FreeMarker expression. */
    Fm expression(String jinja) {
        return convert(parse(jinja));
    }

    /** A {@code when:}-style condition: {@code flag | bool} stays {@code flag} (unwind takes yes/no text there too). */
    String condition(String jinja) {
        AstNode n = unwrap(parse(jinja));
        boolean negated = n instanceof AstUnary u && u.getOperator() == AstUnary.NOT;
        AstNode inner = unwrap(negated ? child(n, 0) : n);
        if (filterName(inner).equals("bool") && unwrap(params(inner).get(0)) instanceof AstIdentifier id) {
            return (negated ? "!" : "") + id.getName();
        }
        return truthOf(n).text();
    }

    /**
     * A node where Jinja wants its truth (a condition, the operand of not, the test of an inline if, the sides of
     * and/or there): and/or are boolean here, where elsewhere they give one of their operands.
     */
    private Fm truthOf(AstNode node) {
        AstNode n = notAbove(unwrap(node));
        if (n instanceof AstBinary b && logical(b)) {
            String op = b.getOperator().toString();
            return operator(truthOf(child(b, 0)), op, truthOf(child(b, 1)), op.equals("&&") ? Fm.AND : Fm.OR, Kind.BOOLEAN);
        }
        if (n instanceof AstUnary u && u.getOperator() == AstUnary.NOT) {
            return Fm.atom("!" + truthOf(child(u, 0)).operand(), Kind.BOOLEAN);
        }
        return truth(convert(n));
    }

    /** What {@code {{ expr }}} prints, inside {@code ${...}}: a boolean as Python prints it (True, False). */
    String output(String jinja) {
        Fm f = expression(jinja);
        return f.is(Kind.BOOLEAN) ? f.operand() + "?then(\"True\", \"False\")" : f.text();
    }

    AstNode parse(String jinja) {
        try {
            // '\1' is Python's octal escape, the character 1 (not a regex_replace group: that is '\\1'); Jinjava's
            // scanner knows only \\ and \'
            String source = PYTHON_OCTAL_ESCAPE.matcher(jinja).replaceAll(m -> Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(m.group(1), 8))));
            // and \n, \t, which it does not know either: carried through as characters of their own
            source = PYTHON_NEWLINE.matcher(source).replaceAll(String.valueOf(NEWLINE_MARK));
            source = PYTHON_TAB.matcher(source).replaceAll(String.valueOf(TAB_MARK));
            return (AstNode) new ExtendedSyntaxBuilder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS)
                    .build("#{" + source + "}").getRoot();
        } catch (TreeBuilderException e) {
            throw new Unconvertible("cannot parse the Jinja expression '" + jinja.strip() + "': " + e.getMessage());
        } catch (RuntimeException e) {
            throw new Unconvertible("cannot parse the Jinja expression '" + jinja.strip() + "': " + e.getMessage());
        }
    }

    Fm convert(AstNode n) {
        if (n instanceof AstEval || n instanceof AstNested) {
            Fm inner = convert(child(n, 0));
            return inner;
        }
        if (n instanceof AstString) {
            return Fm.atom(literal(AstFields.get(n, "value")), Kind.STRING);
        }
        if (n instanceof AstNumber) {
            return Fm.atom(String.valueOf((Object) AstFields.get(n, "value")), Kind.NUMBER);
        }
        if (n instanceof AstBoolean) {
            return Fm.atom(String.valueOf((Object) AstFields.get(n, "value")), Kind.BOOLEAN);
        }
        if (n instanceof AstNull) {
            throw new Unconvertible("None has no FreeMarker value (test for it with 'is none' or 'is defined')");
        }
        if (n instanceof AstList list) {
            AstParameters elements = AstFields.get(list, "elements");
            return Fm.atom("[" + children(elements).stream().map(c -> convert(c).text()).collect(Collectors.joining(", ")) + "]",
                    Kind.SEQUENCE);
        }
        if (n instanceof AstDict dict) {
            Map<AstNode, AstNode> entries = AstFields.get(dict, "dict");
            return Fm.atom("{" + entries.entrySet().stream().map(e -> key(e.getKey()) + ": " + convert(e.getValue()).text())
                    .collect(Collectors.joining(", ")) + "}", Kind.HASH);
        }
        if (n instanceof AstRangeBracket range) {
            return slice(range);
        }
        if (n instanceof AstBracket) {
            return Fm.atom(convert(child(n, 0)).operand() + "[" + convert(child(n, 1)).text() + "]", Kind.UNKNOWN);
        }
        if (n instanceof AstDot dot) {
            return dot(dot);
        }
        if (n instanceof AstIdentifier id) {
            return identifier(id.getName());
        }
        if (n instanceof AstMethod) {
            return method(n);
        }
        if (n instanceof AstFunction f) {
            return function(f.getName(), children((AstParameters) child(f, 0)));
        }
        if (n instanceof AstChoice) {
            Fm yes = convert(child(n, 1));
            Fm no = child(n, 2) == null || child(n, 2) instanceof AstNull ? Fm.atom("\"\"", Kind.STRING) : convert(child(n, 2));
            return Fm.atom(truthOf(child(n, 0)).operand() + "?then(" + yes.text() + ", " + no.text() + ")",
                    yes.kind() == no.kind() ? yes.kind() : Kind.UNKNOWN);
        }
        if (n instanceof AstUnary u) {
            if (u.getOperator() == AstUnary.NOT) {
                return truthOf(u);
            }
            if (u.getOperator() == AstUnary.NEG) {
                return Fm.atom("-" + convert(child(u, 0)).operand(), Kind.NUMBER);
            }
        }
        if (n instanceof AstBinary b) {
            return binary(b);
        }
        throw new Unconvertible("the Jinja construct '" + n + "' has no FreeMarker form here");
    }

    private Fm identifier(String name) {
        if (name.equals("None") || name.equals("none")) {
            throw new Unconvertible("None has no FreeMarker value (test for it with 'is none' or 'is defined')");
        }
        if (name.equals("loop") && !loops.isEmpty()) {
            throw new Unconvertible("'loop' itself has no FreeMarker form: use loop.index, loop.first, ...");
        }
        if (name.equals("lookup") || name.equals("query") || name.equals("q")) {
            throw new Unconvertible("lookups have no FreeMarker form: use a with_* loop or a task's result");
        }
        return Fm.atom(name, kindOf(name));
    }

    private static Kind kindOf(String name) {
        return STRING_NAMES.contains(name) ? Kind.STRING : SEQUENCE_NAMES.contains(name) ? Kind.SEQUENCE
                : name.equals("groups") || name.equals("hostvars") ? Kind.HASH : Kind.UNKNOWN;
    }

    private Fm dot(AstDot dot) {
        AstNode prefix = child(dot, 0);
        String property = AstFields.get(dot, "property");
        if (prefix instanceof AstIdentifier id && id.getName().equals("loop") && !loops.isEmpty()) {
            return loopAttribute(property);
        }
        return Fm.atom(convert(prefix).operand() + "." + property, kindOf(property));
    }

    /** {@code loop.index} and the rest: built-ins of the innermost loop variable. */
    private Fm loopAttribute(String property) {
        LoopScope loop = loops.peek();
        String v = loop.variable();
        return switch (property) {
            case "index" -> Fm.atom(v + "?counter", Kind.NUMBER);
            case "index0" -> Fm.atom(v + "?index", Kind.NUMBER);
            case "first" -> Fm.atom(v + "?is_first", Kind.BOOLEAN);
            case "last" -> Fm.atom(v + "?is_last", Kind.BOOLEAN);
            case "length" -> loop.list().builtin("size", Kind.NUMBER);
            case "revindex" -> Fm.of(loop.list().operand() + "?size - " + v + "?index", Fm.ADDITION, Kind.NUMBER);
            case "revindex0" -> Fm.of(loop.list().operand() + "?size - " + v + "?counter", Fm.ADDITION, Kind.NUMBER);
            default -> throw new Unconvertible("loop." + property + " has no FreeMarker form");
        };
    }

    private Fm method(AstNode n) {
        AstNode property = child(n, 0);
        List<AstNode> params = children((AstParameters) child(n, 1));
        String name = AstFields.get(property, "property");
        AstNode target = child(property, 0);
        if (target instanceof AstIdentifier id && id.getName().startsWith(ExtendedParser.FILTER_PREFIX)) {
            String filter = id.getName().substring(ExtendedParser.FILTER_PREFIX.length());
            return JinjaFilters.apply(this, filter, convert(params.get(0)), arguments(params.subList(2, params.size())),
                    named(params.subList(2, params.size())));
        }
        if (target instanceof AstIdentifier id && id.getName().startsWith(ExtendedParser.EXPTEST_PREFIX)) {
            String test = id.getName().substring(ExtendedParser.EXPTEST_PREFIX.length());
            List<AstNode> testArgs = params.subList(2, params.size());
            Set<String> namedArgs = named(testArgs).keySet();
            if (!namedArgs.isEmpty()) {
                throw new Unconvertible("the test '" + test + "' with named arguments (" + String.join(", ", namedArgs)
                        + ") has no FreeMarker form in unwind");
            }
            if (test.startsWith("version") && testArgs.size() == 1 && testArgs.get(0) instanceof AstList several) {
                // Jinjava's parser hands a test's two or more arguments over as one list
                testArgs = children((AstParameters) AstFields.get(several, "elements"));
            }
            Fm holds = JinjaTests.apply(test, convert(params.get(0)), arguments(testArgs));
            if (!name.equals("evaluateNegated")) {
                return holds;
            }
            // x is not defined: !x?? (the ?? binds tighter than the !)
            return Fm.atom("!" + (holds.text().endsWith("??") && !holds.text().startsWith("!") ? holds.text() : holds.operand()), Kind.BOOLEAN);
        }
        if (target instanceof AstIdentifier id && id.getName().equals("loop") && name.equals("cycle") && !loops.isEmpty()) {
            return Fm.atom(loops.peek().variable() + "?item_cycle(" + texts(arguments(params)) + ")", Kind.UNKNOWN);
        }
        return PythonMethods.apply(name, convert(target), arguments(params));
    }

    private Fm function(String name, List<AstNode> params) {
        List<Fm> args = arguments(params);
        if (name.equals("range") && !args.isEmpty() && args.size() <= 2) {
            String from = args.size() == 2 ? args.get(0).operandAt(Fm.ADDITION) : "0";
            return Fm.of(from + "..<" + args.get(args.size() - 1).operandAt(Fm.ADDITION), Fm.RANGE, Kind.SEQUENCE);
        }
        throw new Unconvertible("the Jinja function " + name + "() has no FreeMarker form"
                + (Set.of("lookup", "query", "q").contains(name) ? " (lookups: use a with_* loop or a task's result)" : ""));
    }

    private Fm binary(AstBinary b) {
        String op = b.getOperator().toString();
        AstNode asJinjaReadsIt = notAbove(b);
        if (asJinjaReadsIt != b) {
            return convert(asJinjaReadsIt);
        }
        if ((op.equals("==") || op.equals("!=")) && (child(b, 1) instanceof AstNull || isNone(child(b, 1)))) {
            Fm value = convert(child(b, 0));
            return Fm.atom((op.equals("==") ? "!" : "") + value.operand() + "??", Kind.BOOLEAN);
        }
        Fm left = convert(child(b, 0));
        Fm right = convert(child(b, 1));
        return switch (op) {
            // as values, Python's and/or give an operand: `a or b` is a when a is true, else b
            case "&&", "||" -> left.is(Kind.BOOLEAN) && right.is(Kind.BOOLEAN) ? truthOf(b)
                    : Fm.atom(valueTruth(child(b, 0), left) + "?then(" + (op.equals("||") ? left.text() + ", " + right.text()
                            : right.text() + ", " + left.text()) + ")", left.kind() == right.kind() ? left.kind() : Kind.UNKNOWN);
            case "==", "!=" -> operator(left, op, right, Fm.EQUALITY, Kind.BOOLEAN);
            case "<", "<=", ">", ">=" -> {
                if (left.is(Kind.STRING) || right.is(Kind.STRING)) {
                    throw new Unconvertible("texts compared with " + op + " (Python compares them letter by letter) have no"
                            + " FreeMarker form: compare numbers (| int) or versions (is version)");
                }
                yield operator(left, op, right, Fm.RELATION, Kind.BOOLEAN);
            }
            case "+" -> operator(left, op, right, Fm.ADDITION, left.kind() == right.kind() ? left.kind() : Kind.UNKNOWN);
            case "-" -> operator(left, op, right, Fm.ADDITION, Kind.NUMBER);
            case "*", "/", "%" -> operator(left, op, right, Fm.MULTIPLICATION, Kind.NUMBER);
            case "//" -> Fm.atom("(" + operator(left, "/", right, Fm.MULTIPLICATION, Kind.NUMBER).text() + ")?floor", Kind.NUMBER);
            case "~" -> operator(Fm.of(text(left), Fm.ADDITION, Kind.STRING), "+", Fm.atom(text(right), Kind.STRING), Fm.ADDITION, Kind.STRING);
            case "in" -> contains(right, left);
            case "not in" -> Fm.atom("!" + contains(right, left).operand(), Kind.BOOLEAN);
            default -> throw new Unconvertible("the Jinja operator '" + op + "' has no FreeMarker form");
        };
    }

    /**
     * The tree as Jinja reads it: its {@code not} binds looser than every operator but and/or ({@code not a == b} is
     * {@code not (a == b)}), where Jinjava's parser binds it tighter. A leftmost unparenthesized {@code not} goes back
     * above each operator it was put under.
     */
    private static AstNode notAbove(AstNode n) {
        if (n instanceof AstBinary b && !logical(b)) {
            AstNode left = notAbove(child(b, 0));
            if (left instanceof AstUnary u && u.getOperator() == AstUnary.NOT) {
                return new AstUnary(new AstBinary(child(u, 0), child(b, 1), b.getOperator()), AstUnary.NOT);
            }
        }
        return n;
    }

    /** The truth of an and/or's left side, whatever it turns out to be (a boolean, a number, a text, a list). */
    private String valueTruth(AstNode node, Fm f) {
        if (!f.is(Kind.UNKNOWN)) {
            return truthOf(node).operand();
        }
        String v = f.operand();
        return "(" + v + "?is_boolean?then(" + v + ", " + v + "?is_number?then(" + v + " != 0, " + v + "?has_content)))";
    }

    /** and, or (Jinjava's parser has operator objects of its own for them: known by their text) */
    private static boolean logical(AstBinary b) {
        String op = b.getOperator().toString();
        return op.equals("&&") || op.equals("||");
    }

    /** {@code left op right}, each side parenthesized only where it binds less than the operator (or as much, on the right). */
    private static Fm operator(Fm left, String op, Fm right, int level, Kind kind) {
        return Fm.of(left.operandAt(level) + " " + op + " " + right.operandAt(level + 1), level, kind);
    }

    private static boolean isNone(AstNode n) {
        return n instanceof AstIdentifier id && (id.getName().equals("None") || id.getName().equals("none"));
    }

    /** {@code needle in haystack}: by what the haystack is known to be; a list, a mapping's keys or a text else. */
    static Fm contains(Fm haystack, Fm needle) {
        String h = haystack.operand();
        String n = needle.text();
        return switch (haystack.kind()) {
            case SEQUENCE -> Fm.atom(h + "?seq_contains(" + n + ")", Kind.BOOLEAN);
            case HASH -> Fm.atom(h + "?keys?seq_contains(" + n + ")", Kind.BOOLEAN);
            case STRING -> Fm.atom(h + "?contains(" + n + ")", Kind.BOOLEAN);
            default -> Fm.atom(h + "?is_sequence?then(" + h + "?seq_contains(" + n + "), " + h + "?is_hash?then(" + h
                    + "?keys?seq_contains(" + n + "), " + h + "?contains(" + n + ")))", Kind.BOOLEAN);
        };
    }

    /** A value where Jinja wants its truth: a text, list or mapping is true when not empty, a number when not 0. */
    static Fm truth(Fm f) {
        return switch (f.kind()) {
            case STRING, SEQUENCE, HASH -> f.builtin("has_content", Kind.BOOLEAN);
            case NUMBER -> Fm.of(f.operandAt(Fm.EQUALITY) + " != 0", Fm.EQUALITY, Kind.BOOLEAN);
            default -> f;
        };
    }

    /** A value as text, ready for a built-in. */
    static Fm asText(Fm f) {
        return f.is(Kind.STRING) ? f : f.builtin("string", Kind.STRING);
    }

    /** A value as text, as Jinja's {@code ~} and {@code string} make it. */
    static String text(Fm f) {
        return f.is(Kind.STRING) ? f.operandAt(Fm.ADDITION) : f.operand() + "?string";
    }

    private Fm slice(AstRangeBracket range) {
        Fm list = convert(child(range, 0));
        AstNode min = child(range, 1);
        AstNode max = AstFields.get(range, "rangeMax");
        String from = min == null ? "0" : convert(min).text();
        String to = max == null ? "" : "<" + convert(max).text();
        if (from.startsWith("-") || to.startsWith("<-")) {
            throw new Unconvertible("a slice from the end ([-n:]) has no FreeMarker form");
        }
        return Fm.atom(list.operand() + "[" + from + ".." + to + "]", list.kind());
    }

    private String key(AstNode n) {
        return n instanceof AstIdentifier id ? literal(id.getName()) : convert(n).text();
    }

    private List<Fm> arguments(List<AstNode> params) {
        List<Fm> out = new ArrayList<>();
        for (AstNode p : params) {
            if (!(p instanceof AstNamedParameter)) {
                out.add(convert(p));
            }
        }
        return out;
    }

    private Map<String, Fm> named(List<AstNode> params) {
        Map<String, Fm> out = new LinkedHashMap<>();
        for (AstNode p : params) {
            if (p instanceof AstNamedParameter np) {
                AstIdentifier name = AstFields.get(np, "name");
                out.put(name.getName(), convert(AstFields.get(np, "value")));
            }
        }
        return out;
    }

    static String texts(List<Fm> args) {
        return args.stream().map(Fm::text).collect(Collectors.joining(", "));
    }

    /** The filter an expression applies last ({@code x | bool} is "bool"), or "". */
    static String filterName(AstNode n) {
        if (n instanceof AstMethod && JinjaExpressions.child(child(n, 0), 0) instanceof AstIdentifier id
                && id.getName().startsWith(ExtendedParser.FILTER_PREFIX)) {
            return id.getName().substring(ExtendedParser.FILTER_PREFIX.length());
        }
        return "";
    }

    /** The parameters of a filter or method call (for a filter: the value, the interpreter, then its arguments). */
    static List<AstNode> params(AstNode call) {
        return children((AstParameters) child(call, 1));
    }

    /** A syntax tree node's child, as the tree's own node type. */
    static AstNode child(jinjava.de.odysseus.el.tree.Node n, int i) {
        return (AstNode) n.getChild(i);
    }

    static AstNode unwrap(AstNode n) {
        return n instanceof AstEval || n instanceof AstNested ? unwrap(child(n, 0)) : n;
    }

    static List<AstNode> children(AstNode n) {
        List<AstNode> out = new ArrayList<>();
        for (int i = 0; i < n.getCardinality(); i++) {
            out.add((AstNode) n.getChild(i));
        }
        return out;
    }

    /** A FreeMarker string literal: nothing inside it is interpolated. */
    static String literal(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n', NEWLINE_MARK -> out.append("\\n");
                case '\t', TAB_MARK -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '{' -> out.append(i > 0 && (s.charAt(i - 1) == '$' || s.charAt(i - 1) == '#') ? "\\{" : "{");
                default -> out.append(c < 0x20 ? String.format("\\x%04X", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
