package dev.unwind.convert;

import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import com.hubspot.jinjava.tree.parse.NoteToken;
import com.hubspot.jinjava.tree.parse.TagToken;
import com.hubspot.jinjava.tree.parse.TextToken;
import com.hubspot.jinjava.tree.parse.Token;
import com.hubspot.jinjava.tree.parse.TokenScanner;
import dev.unwind.convert.Fm.Kind;
import jinjava.de.odysseus.el.tree.impl.ast.AstChoice;
import jinjava.de.odysseus.el.tree.impl.ast.AstMethod;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jinja template (a {@code *.j2} file, or a YAML string with {@code {{ }}} or {@code {% %}}) as a FreeMarker one that
 * renders the same bytes: tokens from Jinjava's scanner, statements as FTL directives ({@code <#if>}, {@code <#list>},
 * {@code <#assign>}), Jinja's whitespace rules as Ansible sets them (trim_blocks, and a {@code #jinja2:} first line)
 * applied here, and FreeMarker's own white-space stripping left to work where it gives the same result (else the
 * template says {@code <#ftl strip_whitespace=false>}). Text FreeMarker would read goes inside {@code <#noparse>}.
 */
final class JinjaTemplates {
    /** What converting gave: the FreeMarker text, and what could not be converted (lines within the template). */
    record Converted(String text, List<Gap> gaps) {
    }

    /** One part of the FreeMarker text: literal text, an interpolation, a directive or comment, or a newline Jinja drops. */
    private sealed interface Piece {
    }

    private record Text(String text) implements Piece {
    }

    private record Out(String text) implements Piece {
    }

    private record Tag(String text) implements Piece {
    }

    /** A newline of the text. */
    private record Newline() implements Piece {
    }

    /** A newline trim_blocks removes: written where FreeMarker's stripping removes it too, else left out. */
    private record TrimmedNewline() implements Piece {
    }

    private static final Pattern HEADER = Pattern.compile("\\A#jinja2:([^\\n]*)\\n");
    private static final Pattern FTL_MARKUP = Pattern.compile("\\$\\{|#\\{|</?#|</?@|\\{\\{|\\{%|\\{#");
    /** Markup FreeMarker would read, to the end of its word. */
    private static final Pattern FTL_WORD = Pattern.compile("(?:" + FTL_MARKUP.pattern() + ")\\S*");
    private static final Pattern FOR = Pattern.compile("(?s)\\s*(.+?)\\s+in\\s+(.+?)(\\s+recursive)?\\s*");
    private static final Pattern SET = Pattern.compile("(?s)\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=(.*))?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The ends of the blocks FreeMarker has no form for: their start is the gap. */
    private static final java.util.Set<String> UNSUPPORTED_ENDS = java.util.Set.of("endmacro", "endcall", "endfilter",
            "endblock", "endwith", "endautoescape", "endtrans");

    private final JinjaExpressions expressions = new JinjaExpressions();
    private final List<Gap> gaps = new ArrayList<>();
    private final Deque<String> open = new ArrayDeque<>();
    private boolean trimBlocks = true;
    private boolean lstripBlocks;

    private JinjaTemplates() {
    }

    static Converted convert(String template) {
        return new JinjaTemplates().run(template);
    }

    private Converted run(String template) {
        String body = header(template);
        List<Object> items = new ArrayList<>();
        TokenScanner scanner = new TokenScanner(body, JinjavaConfig.newBuilder().build());
        while (scanner.hasNext()) {
            Token t = scanner.next();
            items.add(t instanceof TextToken ? t.getImage() : t);
        }
        applyWhitespaceControl(items);
        List<Piece> pieces = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof String s) {
                text(s, pieces);
            } else if (item == TRIMMED) {
                pieces.add(new TrimmedNewline());
            } else {
                token((Token) item, pieces);
            }
        }
        if (!open.isEmpty()) {
            gaps.add(new Gap(null, lineCount(body), "{% " + open.peek() + " %} is never closed"));
        }
        return new Converted(readable(pieces).orElseGet(() -> exact(pieces)), List.copyOf(gaps));
    }

    /** Ansible's {@code #jinja2: trim_blocks: False, lstrip_blocks: True} first line: read, and taken out. */
    private String header(String template) {
        Matcher m = HEADER.matcher(template);
        if (!m.find()) {
            return template;
        }
        for (String setting : m.group(1).split(",")) {
            String[] kv = setting.split(":", 2);
            String key = kv[0].strip();
            boolean on = kv.length > 1 && kv[1].strip().equalsIgnoreCase("true");
            switch (key) {
                case "trim_blocks" -> trimBlocks = on;
                case "lstrip_blocks" -> lstripBlocks = on;
                default -> gaps.add(new Gap(null, 1, "the template setting '" + key + "' has no FreeMarker form"));
            }
        }
        return template.substring(m.end());
    }

    private static final Object TRIMMED = new Object();

    /** Jinja's {@code -} trims, trim_blocks and lstrip_blocks, applied to the text around each tag. */
    private void applyWhitespaceControl(List<Object> items) {
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Token t)) {
                continue;
            }
            boolean block = t instanceof TagToken || t instanceof NoteToken;
            if (i > 0 && items.get(i - 1) instanceof String before) {
                if (t.isLeftTrim()) {
                    items.set(i - 1, before.stripTrailing());
                } else if (block && lstripBlocks) {
                    int nl = before.lastIndexOf('\n');
                    String tail = before.substring(nl + 1);
                    if (tail.isBlank() && (nl >= 0 || i == 1)) {
                        items.set(i - 1, before.substring(0, nl + 1));
                    }
                }
            }
            if (i + 1 < items.size() && items.get(i + 1) instanceof String after) {
                if (t.isRightTrim()) {
                    items.set(i + 1, after.stripLeading());
                } else if (block && trimBlocks && after.startsWith("\n")) {
                    items.set(i + 1, after.substring(1));
                    items.add(i + 1, TRIMMED);
                    i++;
                }
            }
        }
    }

    private void text(String s, List<Piece> pieces) {
        String[] lines = s.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                pieces.add(new Newline());
            }
            if (!lines[i].isEmpty()) {
                // only the words with markup: a k=v argument line keeps its keys outside (repo=<#noparse>${x}</#noparse>)
                pieces.add(new Text(FTL_WORD.matcher(lines[i]).replaceAll(m -> "<#noparse>" + Matcher.quoteReplacement(m.group()) + "</#noparse>")));
            }
        }
    }

    private void token(Token t, List<Piece> pieces) {
        try {
            if (t instanceof ExpressionToken e) {
                pieces.add(new Out("${" + expressions.output(e.getExpr()) + "}"));
            } else if (t instanceof NoteToken) {
                String note = t.getImage().replaceAll("\\A\\{#-?|-?#}\\z", "").replace("-->", "- ->");
                pieces.add(new Tag("<#--" + note + "-->"));
            } else if (t instanceof TagToken tag && leftInJinja(tag)) {
                pieces.add(new Out(t.getImage()));
            } else if (t instanceof TagToken tag) {
                String fm = tag(tag);
                if (!fm.isEmpty()) {
                    pieces.add(new Tag(fm));
                }
            }
        } catch (Unconvertible u) {
            pieces.add(new Out(t.getImage()));
            if (t instanceof TagToken tag && UNSUPPORTED_ENDS.contains(tag.getTagName())) {
                return; // the end of a block whose start is listed already
            }
            gaps.add(new Gap(null, t.getLineNumber(), u.getMessage()));
            if (t instanceof TagToken tag) {
                keepBlocksMatched(tag);
            }
        }
    }

    /**
     * Whether this is an elif, else or end of a block whose start was left in Jinja: it stays Jinja too, so the blocks
     * around it still pair up (and lint names the Jinja).
     */
    private boolean leftInJinja(TagToken tag) {
        String name = tag.getTagName();
        String block = switch (name) {
            case "elif", "endif" -> "if";
            case "endfor" -> "for";
            case "endset" -> "set";
            case "else" -> open.isEmpty() ? "" : open.peek().replace(LEFT_IN_JINJA, "");
            default -> "";
        };
        if (!(LEFT_IN_JINJA + block).equals(open.peek())) {
            return false;
        }
        if (name.startsWith("end")) {
            open.pop();
            if (block.equals("for")) {
                expressions.loops().pop();
            }
        }
        return true;
    }

    private static final String LEFT_IN_JINJA = "jinja ";

    /** A block left in Jinja still opens: its end, and what is between, pair up with the blocks around it. */
    private void keepBlocksMatched(TagToken tag) {
        String name = tag.getTagName();
        boolean blockSet = name.equals("set") && !String.valueOf(tag.getHelpers()).contains("=");
        if (name.equals("if") || name.equals("for") || blockSet) {
            open.push(LEFT_IN_JINJA + name);
        }
        if (name.equals("for")) {
            expressions.loops().push(new JinjaExpressions.LoopScope("item_", Fm.atom("[]", Kind.SEQUENCE)));
        }
    }

    private String tag(TagToken t) {
        String name = t.getTagName();
        String helpers = t.getHelpers() == null ? "" : t.getHelpers().strip();
        return switch (name) {
            case "if" -> opened("if", "<#if " + directiveArgument(helpers) + ">");
            case "elif" -> within("if", name, "<#elseif " + directiveArgument(helpers) + ">");
            case "else" -> {
                if (!"if".equals(open.peek()) && !"for".equals(open.peek())) {
                    throw new Unconvertible("{% else %} outside {% if %} and {% for %}");
                }
                yield "<#else>";
            }
            case "endif" -> closed("if", "</#if>");
            case "for" -> opened("for", forTag(helpers));
            case "endfor" -> {
                String fm = closed("for", "</#list>");
                expressions.loops().pop();
                yield fm;
            }
            case "set" -> set(helpers);
            case "endset" -> closed("set", "</#assign>");
            case "raw", "endraw" -> "";
            case "break" -> "<#break>";
            case "continue" -> "<#continue>";
            default -> throw new Unconvertible("the Jinja statement {% " + name + " %} has no FreeMarker form in unwind"
                    + (name.equals("macro") || name.equals("call") ? " (write the macro's text out where it is used)" : ""));
        };
    }

    /** A condition as a directive's argument: parenthesized when it holds '>', which would end the tag. */
    private String directiveArgument(String jinja) {
        String c = JinjaExpressions.truth(expressions.expression(jinja)).text();
        return c.contains(">") ? "(" + c + ")" : c;
    }

    private String forTag(String helpers) {
        Matcher m = FOR.matcher(helpers);
        if (!m.matches()) {
            throw new Unconvertible("cannot read the loop '{% for " + helpers + " %}'");
        }
        if (m.group(3) != null) {
            throw new Unconvertible("recursive loops have no FreeMarker form");
        }
        List<String> targets = new ArrayList<>();
        for (String v : m.group(1).replaceAll("[()]", "").split(",")) {
            if (!NAME.matcher(v.strip()).matches()) {
                throw new Unconvertible("cannot read the loop variables '" + m.group(1) + "'");
            }
            targets.add(v.strip());
        }
        AstNode iter = JinjaExpressions.unwrap(expressions.parse(m.group(2)));
        AstNode filter = null;
        if (iter instanceof AstChoice choice && (JinjaExpressions.child(choice, 2) == null || JinjaExpressions.child(choice, 2) instanceof AstNull)) {
            filter = JinjaExpressions.child(choice, 0);
            iter = JinjaExpressions.unwrap(JinjaExpressions.child(choice, 1));
        }
        String first = targets.get(0);
        String assign = "";
        Fm list;
        if (targets.size() == 2 && iter instanceof AstMethod && "items".equals(AstFields.get(JinjaExpressions.child(iter, 0), "property"))) {
            list = expressions.convert(JinjaExpressions.child(JinjaExpressions.child(iter, 0), 0));
        } else if (targets.size() == 2 && JinjaExpressions.filterName(iter).equals("dictsort")) {
            Fm hash = expressions.convert(JinjaExpressions.params(iter).get(0));
            list = hash.builtin("keys?sort", Kind.SEQUENCE);
            assign = "<#assign " + targets.get(1) + " = " + hash.operand() + "[" + first + "]>";
            targets = List.of(first);
        } else if (targets.size() == 1) {
            list = expressions.convert(iter);
        } else {
            throw new Unconvertible("a loop over pairs has no FreeMarker form unless it is over d.items() or d | dictsort");
        }
        if (filter != null) {
            expressions.loops().push(new JinjaExpressions.LoopScope(first, list));
            String holds = JinjaExpressions.truth(expressions.convert(filter)).text();
            expressions.loops().pop();
            list = Fm.atom(list.operand() + "?filter(" + first + " -> " + holds + ")", Kind.SEQUENCE);
        }
        expressions.loops().push(new JinjaExpressions.LoopScope(first, list));
        String listed = list.text().contains(">") ? "(" + list.text() + ")" : list.text();
        return "<#list " + listed + " as " + String.join(", ", targets) + ">" + assign;
    }

    private String set(String helpers) {
        Matcher m = SET.matcher(helpers);
        if (!m.matches()) {
            throw new Unconvertible("{% set " + helpers + " %} has no FreeMarker form (one name = one value)");
        }
        if (m.group(2) == null) {
            return opened("set", "<#assign " + m.group(1) + ">");
        }
        String value = expressions.expression(m.group(2)).text();
        return "<#assign " + m.group(1) + " = " + (value.contains(">") ? "(" + value + ")" : value) + ">";
    }

    private String opened(String block, String fm) {
        open.push(block);
        return fm;
    }

    private String within(String block, String tag, String fm) {
        if (!block.equals(open.peek())) {
            throw new Unconvertible("{% " + tag + " %} outside {% " + block + " %}");
        }
        return fm;
    }

    private String closed(String block, String fm) {
        if (!block.equals(open.peek())) {
            throw new Unconvertible("{% end" + block + " %} closes nothing open");
        }
        open.pop();
        return fm;
    }

    /**
     * The text with the template's own lines where FreeMarker's white-space stripping gives what Jinja gives: a newline
     * trim_blocks removed is written when its line holds only directives (FreeMarker strips that newline itself), else
     * left out. Empty when stripping would take what Jinja prints: the blanks or the newline of a line of directives.
     */
    private static java.util.Optional<String> readable(List<Piece> pieces) {
        StringBuilder out = new StringBuilder();
        List<Piece> line = new ArrayList<>();
        for (Piece p : pieces) {
            if (p instanceof Newline || p instanceof TrimmedNewline) {
                boolean onlyTags = onlyTags(line);
                boolean blanks = line.stream().anyMatch(x -> x instanceof Text);
                if (p instanceof Newline && onlyTags) {
                    return java.util.Optional.empty();
                }
                if (p instanceof Newline || !blanks && onlyTags) {
                    out.append('\n');
                    line.clear();
                }
                continue;
            }
            out.append(text(p));
            line.add(p);
        }
        if (onlyTags(line) && line.stream().anyMatch(x -> x instanceof Text)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(out.toString());
    }

    /** The text exactly as Jinja prints it, for a template that turns FreeMarker's stripping off. */
    private static String exact(List<Piece> pieces) {
        StringBuilder out = new StringBuilder("<#ftl strip_whitespace=false>\n");
        pieces.forEach(p -> out.append(p instanceof Newline ? "\n" : text(p)));
        return out.toString();
    }

    /** Whether a line holds directives and nothing FreeMarker prints but blanks. */
    private static boolean onlyTags(List<Piece> line) {
        return line.stream().anyMatch(p -> p instanceof Tag)
                && line.stream().allMatch(p -> p instanceof Tag || p instanceof Text t && t.text().isBlank());
    }

    private static String text(Piece p) {
        if (p instanceof Text t) {
            return t.text();
        }
        if (p instanceof Out o) {
            return o.text();
        }
        if (p instanceof Tag g) {
            return g.text();
        }
        return p instanceof Newline ? "\n" : "";
    }

    private static int lineCount(String s) {
        return (int) s.chars().filter(c -> c == '\n').count() + 1;
    }
}
