package dev.unwind.template.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.el.JinjavaELContext;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.TreeParser;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import jinjava.de.odysseus.el.tree.TreeBuilderException;
import dev.unwind.input.InvalidInput;
import dev.unwind.input.Problem;
import dev.unwind.input.Position;
import dev.unwind.template.Deferred;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Jinja in an estate's values evaluated as Ansible evaluates it: a value is templated when it is used, in the
 * context of every variable of the host, so a value that refers to another ({@code fqdn: "{{ inventory_hostname
 * }}.example.com"}, {@code url: "{{ scheme }}://{{ fqdn }}"}) sees that one evaluated first. A text that is one
 * expression keeps the expression's type (a list stays a list, a comparison a boolean) and a number becomes text,
 * as Ansible 2.14 has it; a text mixing expressions and words prints each value as Python would. What cannot be
 * evaluated (an undefined variable, a loop of references, an unknown filter) is invalid input naming where the
 * variable was written, the variable and the expression — never the literal text.
 */
public final class EstateValues {
    private static final Jinjava JINJAVA = jinjava();

    private final Map<String, Object> context;
    /** The estate's values (templated when used), as written; the rest of the context (facts, results) is taken as it is. */
    private final Map<String, Object> estate = new HashMap<>();
    private final Function<String, Position> where;
    private final Map<String, Object> done = new HashMap<>();
    private final Map<String, InvalidInput> failures = new HashMap<>();
    private final Set<String> active = new LinkedHashSet<>();
    private Set<String> missing = new LinkedHashSet<>();

    private EstateValues(List<Map<String, Object>> estates, Map<String, Object> context, Function<String, Position> where) {
        this.context = context;
        this.where = where;
        for (Map<String, Object> values : estates) {
            values.forEach((k, v) -> {
                if (context.get(k) == v) {
                    estate.put(k, v);
                }
            });
        }
    }

    /**
     * One evaluation over {@code context}, every variable the host has at that point, in which the values of
     * {@code estates} (its inventory variables, its vars files') are the ones templated — each when used, so one may
     * refer to another of any of them. {@code where} names where a variable was written, for errors. Each value is
     * evaluated once: the evaluation is kept for as long as this is.
     */
    public static EstateValues over(List<Map<String, Object>> estates, Map<String, Object> context, Function<String, Position> where) {
        return new EstateValues(estates, context, where);
    }

    /**
     * {@code values}, one of the estates, with each value that holds Jinja standing for its evaluation, which is done
     * when a task uses it ({@link Deferred}): a value nothing uses is never evaluated, as in Ansible. A value another
     * layer hides is left as written.
     */
    public Map<String, Object> deferred(Map<String, Object> values) {
        if (values.values().stream().noneMatch(EstateValues::bearsJinja)) {
            return values;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, bearsJinja(v) && estate.containsKey(k) && estate.get(k) == v ? new Value(k) : v));
        return out;
    }

    /**
     * {@code values} as they will be laid over {@code context} (which does not hold them yet), each value that holds
     * Jinja standing for its evaluation in {@code context} as it is when the value is used.
     */
    public static Map<String, Object> laidOver(Map<String, Object> values, Map<String, Object> context, Function<String, Position> where) {
        if (values.values().stream().noneMatch(EstateValues::bearsJinja)) {
            return values;
        }
        EstateValues e = new EstateValues(List.of(), context, where);
        e.estate.putAll(values);
        return e.deferred(values);
    }

    /** {@code values}, one of the estates, with their Jinja evaluated now. */
    public synchronized Map<String, Object> resolved(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        deferred(values).forEach((k, v) -> out.put(k, Deferred.resolved(v)));
        return out;
    }

    /** An estate's value, evaluated when first used. */
    private final class Value implements Deferred {
        private final String name;

        Value(String name) {
            this.name = name;
        }

        @Override
        public Object value() {
            return lookup(name);
        }

        EstateValues owner() {
            return EstateValues.this;
        }

        @Override
        public String toString() {
            // never the evaluation: what prints a stand-in (a log of the variables) must not template for it
            return String.valueOf(estate.get(name));
        }
    }

    /**
     * Parses the Jinja of every value of {@code values} (walking lists and mappings), evaluating nothing, as a run does
     * for the estate's values before anything runs: each syntax error is a problem at where its variable was written,
     * naming the variable and the expression.
     */
    public static List<Problem> syntaxErrors(Map<String, Object> values, Function<String, Position> where) {
        List<Problem> out = new ArrayList<>();
        values.forEach((k, v) -> texts(v, t -> syntaxError(t).ifPresent(why ->
                out.add(new Problem(where.apply(k), "cannot parse the Jinja of " + k + ": " + t.strip() + " — " + why)))));
        return out;
    }

    /** {@link #syntaxErrors} of a vars file's variables, each at where its value is written; invalid input if there is one. */
    public static Map<String, Object> parsed(dev.unwind.input.Yaml11 doc, Map<String, Object> vars) {
        List<Problem> problems = syntaxErrors(vars, doc::valueAt);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return vars;
    }

    private static void texts(Object v, java.util.function.Consumer<String> each) {
        if (v instanceof CharSequence s && bearsJinja(s)) {
            each.accept(s.toString());
        } else if (v instanceof Map<?, ?> m) {
            m.values().forEach(x -> texts(x, each));
        } else if (v instanceof Collection<?> c) {
            c.forEach(x -> texts(x, each));
        }
    }

    /** The syntax error in one Jinja text, if any: its tags and their nesting, and every expression in it; nothing is evaluated. */
    static java.util.Optional<String> syntaxError(String template) {
        Segments segments;
        try {
            segments = Segments.of(template);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(e.getMessage());
        }
        JinjavaInterpreter interpreter = JINJAVA.newInterpreter();
        if (!segments.statements()) {
            return segments.parts().stream().filter(Segments.Part::expression).map(p -> expressionError(interpreter, ElWords.escaped(p.text())))
                    .flatMap(java.util.Optional::stream).findFirst();
        }
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Node root = new TreeParser(interpreter, ElWords.escapedTemplate(template)).buildTree();
            for (TemplateError e : interpreter.getErrors()) {
                if (e.getSeverity() == TemplateError.ErrorType.FATAL || e.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR) {
                    return java.util.Optional.of(ElWords.unescaped(e.getMessage()));
                }
            }
            return nodeError(interpreter, root);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /** The first expression in the tree (printed, or an if/elif's condition) that does not parse. */
    private static java.util.Optional<String> nodeError(JinjavaInterpreter interpreter, Node node) {
        java.util.Optional<String> here = java.util.Optional.empty();
        if (node instanceof ExpressionNode && node.getMaster() instanceof ExpressionToken t) {
            here = expressionError(interpreter, t.getExpr());
        } else if (node instanceof TagNode tag && (tag.getName().equals("if") || tag.getName().equals("elif"))) {
            here = expressionError(interpreter, tag.getHelpers());
        }
        if (here.isPresent()) {
            return here;
        }
        for (Node child : node.getChildren()) {
            java.util.Optional<String> e = nodeError(interpreter, child);
            if (e.isPresent()) {
                return e;
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> expressionError(JinjavaInterpreter interpreter, String expression) {
        if (expression == null || expression.isBlank()) {
            return java.util.Optional.of("an empty expression");
        }
        try {
            JINJAVA.getExpressionFactory().createValueExpression(new JinjavaELContext(interpreter,
                    new JinjavaInterpreterResolver(interpreter)), "#{" + expression.strip() + "}", Object.class);
            return java.util.Optional.empty();
        } catch (TreeBuilderException e) {
            // JUEL counts in the text it was given, "#{" + expression + "}", from 0; and lists every token it expected
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("at position (\\d+), encountered (.*?)(, expected .*)?$")
                    .matcher(String.valueOf(e.getMessage()));
            String why = m.find() ? "at column " + Math.max(1, Integer.parseInt(m.group(1)) - 1) + ": unexpected " + m.group(2) : "";
            return java.util.Optional.of("syntax error in '" + ElWords.unescaped(expression.strip()) + "'" + (why.isEmpty() ? "" : " " + ElWords.unescaped(why)));
        } catch (RuntimeException e) {
            // a function it cannot bind and the like: found when evaluated, as any other evaluation error
            return java.util.Optional.empty();
        }
    }

    /** Whether a value holds Jinja anywhere: a text with {@code {{} or {@code {%}, or a list or mapping holding one. */
    public static boolean bearsJinja(Object v) {
        if (v instanceof CharSequence s) {
            String t = s.toString();
            return t.contains("{{") || t.contains("{%");
        }
        if (v instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(EstateValues::bearsJinja);
        }
        return v instanceof Collection<?> c && c.stream().anyMatch(EstateValues::bearsJinja);
    }

    /** {@code values} with their Jinja evaluated against {@code context}, which holds them (see {@link #over}). */
    public static Map<String, Object> resolve(Map<String, Object> values, Map<String, Object> context, Function<String, Position> where) {
        return over(List.of(values), context, where).resolved(values);
    }

    /**
     * All of {@code context} (in which {@code values}, the estate's, are templated) as a mapping whose values are evaluated only when asked for, one at a time (another host's
     * variables, {@code hostvars[h].x}: Ansible evaluates only the one asked for, and the context of another host is not
     * all there).
     */
    public static Map<String, Object> view(Map<String, Object> values, Map<String, Object> context, Function<String, Position> where) {
        return Deferred.view(context.keySet(), new EstateValues(List.of(values), context, where)::lookup);
    }

    private synchronized Object lookup(String name) {
        if (done.containsKey(name)) {
            return done.get(name);
        }
        if (!context.containsKey(name)) {
            missing.add(name);
            return null;
        }
        Object current = context.get(name);
        Object raw = estate.get(name);
        boolean ours = raw != null && (current == raw || current instanceof Value v && v.owner() == this);
        if (!ours || !bearsJinja(raw)) {
            // another layer's value (a fact, a result, a play var), or another evaluation's stand-in
            return Deferred.resolved(current);
        }
        if (failures.containsKey(name)) {
            throw failures.get(name);
        }
        if (!active.add(name)) {
            throw new InvalidInput(where.apply(name), "recursive loop detected in template: " + String.join(" -> ", active) + " -> " + name
                    + " refer to each other; break the loop in one of them");
        }
        Object v;
        try {
            v = deep(name, raw);
        } catch (InvalidInput e) {
            // kept too: a value that cannot be evaluated is tried once, however often it is used
            failures.put(name, e);
            throw e;
        } finally {
            active.remove(name);
        }
        done.put(name, v);
        return v;
    }

    private Object deep(String name, Object v) {
        if (v instanceof CharSequence s) {
            return text(name, s.toString());
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, deep(name, x)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(x -> out.add(deep(name, x)));
            return out;
        }
        return v;
    }

    private Object text(String name, String template) {
        if (!bearsJinja(template)) {
            return template;
        }
        Segments segments;
        try {
            segments = Segments.of(template);
        } catch (IllegalArgumentException e) {
            throw failed(name, template, e.getMessage());
        }
        if (segments.statements()) {
            return evaluate(name, template, null);
        }
        if (segments.single()) {
            return ansibleValue(evaluate(name, template, segments.parts().get(0).text()));
        }
        StringBuilder sb = new StringBuilder();
        for (Segments.Part p : segments.parts()) {
            sb.append(p.expression() ? PythonText.str(plain(evaluate(name, template, p.text()))) : p.text());
        }
        return sb.toString();
    }

    /** One expression's value (or, with {@code expression} null, the whole template rendered). */
    private Object evaluate(String name, String template, String expression) {
        JinjavaInterpreter interpreter = JINJAVA.newInterpreter();
        interpreter.getContext().setDynamicVariableResolver(n -> lookup(ElWords.original(n)));
        Set<String> outer = missing;
        missing = new LinkedHashSet<>();
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Object v = expression == null ? interpreter.render(ElWords.escapedTemplate(template))
                    : interpreter.resolveELExpression(ElWords.escaped(expression), 1);
            for (TemplateError e : interpreter.getErrors()) {
                if (e.getSeverity() == TemplateError.ErrorType.FATAL) {
                    throw failed(name, template, e.getMessage());
                }
            }
            if (v == null && expression != null && !missing.isEmpty()) {
                throw failed(name, template, null);
            }
            return v;
        } catch (InvalidInput e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(name, template, e.getMessage());
        } finally {
            JinjavaInterpreter.popCurrent();
            missing = outer;
        }
    }

    /** Ansible's message for the first variable this expression looked up and did not find. */
    private java.util.Optional<String> undefined() {
        return missing.stream().findFirst().map(n -> "'" + n + "' is undefined");
    }

    /** Ansible (2.14, not native) keeps a lone expression's list, mapping, boolean or None, and makes anything else text. */
    private static Object ansibleValue(Object v) {
        Object p = plain(v);
        return p == null || p instanceof Boolean || p instanceof Map || p instanceof List ? p : PythonText.str(p);
    }

    /** Jinjava's own wrappers (PyList, PyMap, SafeString) as plain Java values. */
    private static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(plain(k), plain(x)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        return v;
    }

    /** Why {@code name} cannot be evaluated: the variable it refers to and nothing defines, else {@code why}. */
    private InvalidInput failed(String name, String template, String why) {
        java.util.Optional<String> undefined = undefined();
        String text = "cannot evaluate " + name + ": " + template.strip() + " — " + undefined.orElse(why == null ? null : ElWords.unescaped(why));
        return undefined.isPresent() ? new Deferred.Undefined(where.apply(name), name, text) : new InvalidInput(where.apply(name), text);
    }

    private static Jinjava jinjava() {
        Jinjava j = new Jinjava(JinjavaConfig.newBuilder().withMaxRenderDepth(10).withInterperterFactory(new PythonPrinting()).build());
        AnsibleFilters.register(j.getGlobalContext());
        return j;
    }
}
