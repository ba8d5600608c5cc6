package dev.unwind.template.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;

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
    /** The names whose values are the estate's (templated when used); the rest (facts, results) are taken as they are. */
    private final Set<String> estate;
    private final Function<String, Position> where;
    private final Map<String, Object> done = new HashMap<>();
    private final Set<String> active = new LinkedHashSet<>();
    private Set<String> missing = new LinkedHashSet<>();

    private EstateValues(List<Map<String, Object>> estates, Map<String, Object> context, Function<String, Position> where) {
        this.context = context;
        this.where = where;
        this.estate = new java.util.HashSet<>();
        for (Map<String, Object> values : estates) {
            values.forEach((k, v) -> {
                if (context.get(k) == v) {
                    estate.add(k);
                }
            });
        }
    }

    /**
     * One evaluation over {@code context}, every variable the host has at that point, in which the values of
     * {@code estates} (its inventory variables, its vars files') are the ones templated — each when used, so one may
     * refer to another of any of them. {@code where} names where a variable was written, for errors.
     */
    public static EstateValues over(List<Map<String, Object>> estates, Map<String, Object> context, Function<String, Position> where) {
        return new EstateValues(estates, context, where);
    }

    /** {@code values}, one of the estates, with their Jinja evaluated (a value another layer hides is left as written). */
    public synchronized Map<String, Object> resolved(Map<String, Object> values) {
        if (values.values().stream().noneMatch(EstateValues::bearsJinja)) {
            return values;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, bearsJinja(v) && context.get(k) == v ? lookup(k) : v));
        return out;
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
        EstateValues r = new EstateValues(List.of(values), context, where);
        return new java.util.AbstractMap<>() {
            @Override
            public Object get(Object key) {
                return r.lookup(String.valueOf(key));
            }

            @Override
            public boolean containsKey(Object key) {
                return context.containsKey(key);
            }

            @Override
            public int size() {
                // Jinjava asks the size of every mapping it is handed: answering must not evaluate everything
                return context.size();
            }

            @Override
            public Set<Entry<String, Object>> entrySet() {
                Set<Entry<String, Object>> all = new LinkedHashSet<>();
                context.keySet().forEach(k -> all.add(new java.util.AbstractMap.SimpleEntry<>(k, r.lookup(k))));
                return all;
            }
        };
    }

    private synchronized Object lookup(String name) {
        if (done.containsKey(name)) {
            return done.get(name);
        }
        if (!context.containsKey(name)) {
            missing.add(name);
            return null;
        }
        Object raw = context.get(name);
        if (!estate.contains(name) || !bearsJinja(raw)) {
            return raw;
        }
        if (!active.add(name)) {
            throw new InvalidInput(where.apply(name), "recursive loop detected in template: " + String.join(" -> ", active) + " -> " + name
                    + " refer to each other; break the loop in one of them");
        }
        Object v = deep(name, raw);
        active.remove(name);
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
        interpreter.getContext().setDynamicVariableResolver(this::lookup);
        Set<String> outer = missing;
        missing = new LinkedHashSet<>();
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Object v = expression == null ? interpreter.render(template) : interpreter.resolveELExpression(expression, 1);
            for (TemplateError e : interpreter.getErrors()) {
                if (e.getSeverity() == TemplateError.ErrorType.FATAL) {
                    throw failed(name, template, undefined().orElse(e.getMessage()));
                }
            }
            if (v == null && expression != null && !missing.isEmpty()) {
                throw failed(name, template, undefined().orElseThrow());
            }
            return v;
        } catch (InvalidInput e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(name, template, undefined().orElse(e.getMessage()));
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

    private InvalidInput failed(String name, String template, String why) {
        return new InvalidInput(where.apply(name), "cannot evaluate " + name + ": " + template.strip() + " — " + why);
    }

    private static Jinjava jinjava() {
        Jinjava j = new Jinjava(JinjavaConfig.newBuilder().withMaxRenderDepth(10).build());
        AnsibleFilters.register(j.getGlobalContext());
        return j;
    }
}
