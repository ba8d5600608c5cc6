package dev.unwind.playbook;

import dev.unwind.convert.FreeMarkerForm;
import dev.unwind.input.Position;
import dev.unwind.input.Problem;
import dev.unwind.input.Yaml11;
import dev.unwind.template.Templates;
import dev.unwind.template.Templates.SyntaxError;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Parses FreeMarker at load time, without evaluating: {@code ${...}} in YAML scalars, conditions, and
 * template files. A syntax error is reported at its place in the YAML file (or the template file), so
 * that it stops the run before anything changes instead of failing a task halfway.
 */
final class ExpressionCheck {
    /** Jinja2's {{ x }} and {% %}; Go templates handed to docker/kubectl ({{.Names}}, {{json .}}) are left alone. */
    static final java.util.regex.Pattern JINJA = java.util.regex.Pattern.compile(
            "\\{%|\\{\\{(?!-?\\s*(\\.|json\\b|range\\b|if\\b|end\\b|index\\b|printf\\b|with\\b|else\\b|upper\\b|lower\\b))");
    /** FreeMarker's escape for literal text: what is inside is written as it is. */
    private static final java.util.regex.Pattern NOPARSE = java.util.regex.Pattern.compile("(?s)<#noparse>.*?</#noparse>");

    private final Templates templates;
    private final List<Problem> problems;

    ExpressionCheck(Templates templates, List<Problem> problems) {
        this.templates = templates;
        this.problems = problems;
    }

    /** A scalar that is rendered as text; returns true when it had a problem. */
    boolean text(Yaml11 doc, ScalarNode node) {
        return report(doc, node, templates.syntaxOfText(node.getValue()), "in '" + node.getValue() + "'");
    }

    /** A scalar used as a condition (when, until, changed_when, failed_when). */
    boolean condition(Yaml11 doc, ScalarNode node, String condition) {
        Optional<SyntaxError> error = templates.syntaxOfCondition(condition);
        if (error.isPresent() || FreeMarkerForm.looksJinja(condition)) {
            Optional<String> fm = FreeMarkerForm.ofCondition(condition).filter(c -> templates.syntaxOfCondition(c).isEmpty());
            if (fm.isPresent()) {
                problems.add(new Problem(within(doc, node, new SyntaxError(1, 1, "")), "the condition '" + shorten(condition)
                        + "' is Jinja; unwind's conditions are FreeMarker: write " + fm.get()
                        + " (unwind convert rewrites a whole playbook so)"));
                return true;
            }
        }
        return report(doc, node, error, "in the condition '" + condition + "'");
    }

    /** A text with Jinja2's {{ }} in a playbook, where unwind reads FreeMarker. */
    void jinjaText(Yaml11 doc, ScalarNode node) {
        String fm = FreeMarkerForm.ofText(node.getValue()).map(t -> "write " + shorten(t) + " (FreeMarker)")
                .orElse("write ${...} (FreeMarker), e.g. ${ansible_host}");
        problems.add(new Problem(doc.at(node), "Jinja2 '{{ ... }}' is not how unwind templates: " + fm));
    }

    /** A template file a task names; problems point into the template itself. */
    void templateFile(Path file) {
        String content;
        try {
            content = Files.readString(file);
        } catch (IOException e) {
            problems.add(new Problem(Position.of(file.toString()), "cannot read the template: " + e.getMessage()));
            return;
        }
        // Jinja2 left in a template would be written out as it is: say so, unless it is inside <#noparse>
        java.util.regex.Matcher jinja = JINJA.matcher(NOPARSE.matcher(content).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group().replaceAll("[^\n]", " "))));
        if (jinja.find()) {
            String before = content.substring(0, jinja.start());
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int column = jinja.start() - before.lastIndexOf('\n');
            problems.add(new Problem(new Position(file.toString(), line, column), "Jinja2 in a template: unwind templates are"
                    + " FreeMarker (${name}, <#if>, <#list>); text that must keep {{ }} goes inside <#noparse>...</#noparse>"));
        }
        templates.syntaxOfFile(content).ifPresent(e -> problems.add(new Problem(
                new Position(file.toString(), e.line(), e.column()), "template syntax error: " + e.message())));
    }

    private boolean report(Yaml11 doc, ScalarNode node, Optional<SyntaxError> error, String where) {
        error.ifPresent(e -> problems.add(new Problem(within(doc, node, e),
                "FreeMarker syntax error " + shorten(where) + ": " + e.message()
                        + "; fix the expression (FreeMarker: ${name}, ${name!\"default\"}, x == \"y\")")));
        return error.isPresent();
    }

    /** The error's place in the YAML file: exact on a scalar's first line, by line below it. */
    private static Position within(Yaml11 doc, ScalarNode node, SyntaxError e) {
        Position start = doc.at(node);
        ScalarStyle style = node.getScalarStyle();
        boolean block = style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED;
        if (block) {
            return new Position(start.file(), start.line() + e.line(), e.column());
        }
        if (e.line() == 1) {
            int quote = style == ScalarStyle.PLAIN ? 0 : 1;
            return new Position(start.file(), start.line(), start.column() + quote + e.column() - 1);
        }
        return new Position(start.file(), start.line() + e.line() - 1, e.column());
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…'" : s;
    }
}
