package dev.unwind.template.jinja;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Ansible adds to Jinja2 and Jinjava lacks, or names otherwise: the filters {@code ternary}, {@code bool} (Ansible's
 * truth words), {@code combine}, {@code dict2items}, {@code items2dict}, {@code regex_search}, {@code basename},
 * {@code dirname}, {@code quote}, {@code to_json}, {@code from_json}, {@code to_yaml}, {@code from_yaml},
 * {@code mandatory}, and the tests {@code match}, {@code search}, {@code version}.
 */
final class AnsibleFilters {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnsibleFilters() {
    }

    static void register(Context c) {
        filter(c, "ternary", (v, a) -> truthy(v) ? arg(a, 0) : arg(a, 1));
        filter(c, "bool", (v, a) -> v instanceof Boolean b ? b : v != null && Boolean.TRUE.equals(dev.unwind.module.Args.parseBool(String.valueOf(v))));
        filter(c, "combine", AnsibleFilters::combine);
        filter(c, "dict2items", (v, a) -> {
            List<Object> out = new ArrayList<>();
            String key = a.length > 0 ? String.valueOf(a[0]) : "key";
            String value = a.length > 1 ? String.valueOf(a[1]) : "value";
            ((Map<?, ?>) v).forEach((k, x) -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put(key, k);
                item.put(value, x);
                out.add(item);
            });
            return out;
        });
        filter(c, "items2dict", (v, a) -> {
            Map<Object, Object> out = new LinkedHashMap<>();
            String key = a.length > 0 ? String.valueOf(a[0]) : "key";
            String value = a.length > 1 ? String.valueOf(a[1]) : "value";
            for (Object item : (Collection<?>) v) {
                out.put(((Map<?, ?>) item).get(key), ((Map<?, ?>) item).get(value));
            }
            return out;
        });
        filter(c, "regex_search", (v, a) -> {
            Matcher m = Pattern.compile(String.valueOf(arg(a, 0))).matcher(String.valueOf(v));
            return m.find() ? m.group() : null;
        });
        filter(c, "basename", (v, a) -> {
            String s = text(v);
            return s.substring(s.lastIndexOf('/') + 1);
        });
        filter(c, "dirname", (v, a) -> {
            String s = text(v);
            int slash = s.lastIndexOf('/');
            return slash < 0 ? "" : slash == 0 ? "/" : s.substring(0, slash);
        });
        filter(c, "quote", (v, a) -> {
            String s = String.valueOf(v);
            return s.matches("[\\w@%+=:,./-]+") ? s : "'" + s.replace("'", "'\"'\"'") + "'";
        });
        filter(c, "to_json", (v, a) -> json(v));
        filter(c, "from_json", (v, a) -> {
            try {
                return JSON.readValue(String.valueOf(v), Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("from_json: " + e.getOriginalMessage());
            }
        });
        alias(c, "to_yaml", "toyaml");
        alias(c, "from_yaml", "fromyaml");
        filter(c, "mandatory", (v, a) -> {
            if (v == null) {
                throw new IllegalArgumentException(a.length > 0 ? String.valueOf(a[0]) : "Mandatory variable not defined.");
            }
            return v;
        });
        test(c, "match", (v, a) -> v != null && Pattern.compile(String.valueOf(a[0])).matcher(String.valueOf(v)).lookingAt());
        test(c, "search", (v, a) -> v != null && Pattern.compile(String.valueOf(a[0])).matcher(String.valueOf(v)).find());
        test(c, "version", (v, a) -> {
            int cmp = Versions.compare(String.valueOf(v), String.valueOf(a[0]));
            String op = a.length > 1 ? String.valueOf(a[1]) : "eq";
            return switch (op) {
                case "lt", "<" -> cmp < 0;
                case "le", "<=" -> cmp <= 0;
                case "gt", ">" -> cmp > 0;
                case "ge", ">=" -> cmp >= 0;
                case "ne", "!=", "<>" -> cmp != 0;
                default -> cmp == 0;
            };
        });
    }

    /** Python's truth: None, False, 0, '' and empty containers are false. */
    static boolean truthy(Object v) {
        if (v == null || v instanceof Boolean b && !b) {
            return false;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return !(v instanceof Map<?, ?> m) || !m.isEmpty();
    }

    /** Ansible's to_json: Python's json.dumps, with its ", " and ": " separators. */
    static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean || v instanceof Number) {
            return String.valueOf(v);
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, x) -> sb.append(sb.length() > 1 ? ", " : "").append(json(String.valueOf(k))).append(": ").append(json(x)));
            return sb.append('}').toString();
        }
        if (v instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            for (Object x : c) {
                sb.append(sb.length() > 1 ? ", " : "").append(json(x));
            }
            return sb.append(']').toString();
        }
        try {
            // json.dumps escapes every non-ASCII character (ensure_ascii)
            StringBuilder sb = new StringBuilder();
            for (char ch : JSON.writeValueAsString(String.valueOf(v)).toCharArray()) {
                sb.append(ch < 0x80 ? String.valueOf(ch) : String.format("\\u%04x", (int) ch));
            }
            return sb.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object combine(Object v, Object[] a) {
        Map<Object, Object> out = new LinkedHashMap<>((Map<?, ?>) v);
        for (Object more : a) {
            if (more instanceof Map<?, ?> m) {
                out.putAll(m);
            }
        }
        return out;
    }

    /** A filter's text input; an undefined one is an error, as Ansible's StrictUndefined makes it. */
    private static String text(Object v) {
        if (v == null) {
            throw new IllegalArgumentException("the value given to the filter is undefined");
        }
        return String.valueOf(v);
    }

    private static Object arg(Object[] a, int i) {
        return i < a.length ? a[i] : null;
    }

    private static void filter(Context c, String name, BiFunction<Object, Object[], Object> f) {
        c.registerFilter(new Filter() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
                Object[] all = new Object[args.length + kwargs.size()];
                System.arraycopy(args, 0, all, 0, args.length);
                System.arraycopy(kwargs.values().toArray(), 0, all, args.length, kwargs.size());
                return f.apply(var, all);
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
                return f.apply(var, args);
            }
        });
    }

    private static void alias(Context c, String name, String jinjava) {
        Filter target = c.getFilter(jinjava);
        filter(c, name, (v, a) -> target.filter(v, JinjavaInterpreter.getCurrent(), a, Map.of()));
    }

    private static void test(Context c, String name, BiFunction<Object, Object[], Boolean> t) {
        c.registerExpTest(new ExpTest() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
                // Jinjava hands a test one argument: `is version('1.9', '>')` arrives as one list of two
                Object[] a = args.length == 1 && args[0] instanceof List<?> l ? l.toArray() : args;
                return t.apply(var, a);
            }
        });
    }
}
