package dev.unwind.convert;

import dev.unwind.convert.Fm.Kind;

import java.util.List;
import java.util.Map;

/**
 * Jinja's and Ansible's filters as FreeMarker: {@code default} is {@code !}, {@code lower} {@code ?lower_case},
 * {@code join} {@code ?join}, {@code map}/{@code select}/{@code selectattr} lambdas over {@code ?map}/{@code ?filter},
 * and so on. A filter FreeMarker has no form for throws {@link Unconvertible}.
 */
final class JinjaFilters {
    private JinjaFilters() {
    }

    static Fm apply(JinjaExpressions jinja, String filter, Fm value, List<Fm> args, Map<String, Fm> named) {
        Kind text = Kind.STRING;
        return switch (filter) {
            case "default", "d" -> fallback(value, args);
            case "bool" -> bool(value);
            case "int" -> value.is(Kind.NUMBER) ? value.builtin("int", Kind.NUMBER)
                    : Fm.atom(value.operand() + "?is_number?then(" + value.operand() + ", " + value.operand() + "?number)?int", Kind.NUMBER);
            case "float" -> value.is(Kind.NUMBER) ? value : value.builtin("number", Kind.NUMBER);
            case "string" -> Fm.atom(JinjaExpressions.text(value), text);
            case "lower" -> value.builtin("lower_case", text);
            case "upper" -> value.builtin("upper_case", text);
            case "capitalize" -> Fm.atom(value.operand() + "?lower_case?cap_first", text);
            case "title" -> value.builtin("capitalize", text);
            case "trim" -> value.builtin("trim", text);
            case "length", "count" -> value.is(Kind.STRING) ? value.builtin("length", Kind.NUMBER) : value.builtin("size", Kind.NUMBER);
            case "first", "last", "min", "max" -> value.builtin(filter, Kind.UNKNOWN);
            case "sort" -> args.isEmpty() && named.isEmpty() ? value.builtin("sort", Kind.SEQUENCE) : unsupported(filter, "with arguments");
            case "reverse" -> value.builtin("reverse", value.kind());
            case "list" -> value;
            case "mandatory" -> value;
            case "abs" -> value.builtin("abs", Kind.NUMBER);
            case "round" -> args.isEmpty() ? value.builtin("round", Kind.NUMBER) : unsupported(filter, "with a precision");
            case "join" -> Fm.atom(value.operand() + "?join(" + (args.isEmpty() ? "\"\"" : args.get(0).text()) + ")", text);
            case "split" -> args.isEmpty() ? value.builtin("word_list", Kind.SEQUENCE)
                    : Fm.atom(value.operand() + "?split(" + args.get(0).text() + ")", Kind.SEQUENCE);
            case "replace" -> args.size() == 2 ? Fm.atom(value.operand() + "?replace(" + JinjaExpressions.texts(args) + ")", text)
                    : unsupported(filter, "with a count");
            case "regex_replace" -> regexReplace(value, args);
            case "basename" -> Fm.atom(value.operand() + "?split(\"/\")?last", text);
            case "dirname" -> Fm.atom(value.operand() + "?keep_before_last(\"/\")", text);
            case "ternary" -> args.size() == 2 ? Fm.atom(JinjaExpressions.truth(value).operand() + "?then(" + JinjaExpressions.texts(args) + ")",
                    args.get(0).kind()) : unsupported(filter, "without two values");
            case "comment" -> args.isEmpty() && named.isEmpty() ? comment(value) : unsupported(filter, "with a style or decoration");
            case "indent" -> indent(value, args, named);
            case "map" -> map(jinja, value, args, named);
            case "select", "reject" -> select(value, args, filter.equals("reject"), null);
            case "selectattr", "rejectattr" -> args.isEmpty() ? unsupported(filter, "without an attribute")
                    : select(value, args.subList(1, args.size()), filter.equals("rejectattr"), attribute(args.get(0)));
            default -> unsupported(filter, "");
        };
    }

    /** {@code default(d)} is {@code x!d}; {@code default(d, true)} also replaces an empty value. */
    private static Fm fallback(Fm value, List<Fm> args) {
        String d = args.isEmpty() ? "\"\"" : args.get(0).operand();
        if (args.size() > 1 && args.get(1).text().equals("true")) {
            return Fm.atom(value.operand() + "?has_content?then(" + value.operand() + ", " + d + ")", value.kind());
        }
        return Fm.of(value.operand() + "!" + d, Fm.DEFAULT, args.isEmpty() ? value.kind() : args.get(0).kind());
    }

    /** Ansible's {@code bool}: a boolean as it is, else true for yes/on/1/true (any case). */
    static Fm bool(Fm value) {
        if (value.is(Kind.BOOLEAN)) {
            return value;
        }
        String v = value.operand();
        return Fm.atom(v + "?is_boolean?then(" + v + ", [\"true\", \"yes\", \"on\", \"1\"]?seq_contains(" + v + "?string?lower_case))",
                Kind.BOOLEAN);
    }

    private static Fm regexReplace(Fm value, List<Fm> args) {
        if (args.size() != 2) {
            return unsupported("regex_replace", "without a pattern and a replacement");
        }
        // Python's \1 is Java's $1
        String replacement = args.get(1).text().replaceAll("\\\\\\\\(\\d)", "\\$$1");
        return Fm.atom(value.operand() + "?replace(" + args.get(0).text() + ", " + replacement + ", \"r\")", Kind.STRING);
    }

    /** Ansible's {@code comment}: the text's lines each after "# ", between a "#" line above and below. */
    private static Fm comment(Fm value) {
        return Fm.of("\"#\\n\" + " + JinjaExpressions.asText(value).operand() + "?split(\"\\n\")?map(l -> \"# \" + l)?join(\"\\n\") + \"\\n#\"",
                Fm.ADDITION, Kind.STRING);
    }

    /** Jinja's {@code indent(width)}: every line but the first, and but the blank ones, indented. */
    private static Fm indent(Fm value, List<Fm> args, Map<String, Fm> named) {
        String width = args.isEmpty() ? named.getOrDefault("width", Fm.atom("4", Kind.NUMBER)).text() : args.get(0).text();
        if (!width.matches("\\d+") || args.size() > 1 || named.keySet().stream().anyMatch(k -> !k.equals("width"))) {
            return unsupported("indent", "with first= or blank=, or a width that is not a number");
        }
        return Fm.atom(JinjaExpressions.asText(value).operand() + "?replace(\"\\n(?=[^\\n])\", \"\\n" + " ".repeat(Integer.parseInt(width))
                + "\", \"r\")", Kind.STRING);
    }

    /** {@code map('lower')}, {@code map('replace', 'a', 'b')}, {@code map(attribute='name')}. */
    private static Fm map(JinjaExpressions jinja, Fm value, List<Fm> args, Map<String, Fm> named) {
        Fm it = Fm.atom("it", Kind.UNKNOWN);
        Fm each;
        if (named.containsKey("attribute")) {
            each = Fm.atom("it." + unquote(named.get("attribute")), Kind.UNKNOWN);
        } else if (!args.isEmpty() && args.get(0).is(Kind.STRING)) {
            each = apply(jinja, unquote(args.get(0)), it, args.subList(1, args.size()), Map.of());
        } else {
            return unsupported("map", "without a filter name or attribute=");
        }
        return Fm.atom(value.operand() + "?map(it -> " + each.text() + ")", Kind.SEQUENCE);
    }

    /** {@code select('test', args)}, {@code selectattr('attr', 'test', args)}, and the reject forms. */
    private static Fm select(Fm value, List<Fm> args, boolean reject, String attribute) {
        Fm it = Fm.atom(attribute == null ? "it" : "it." + attribute, Kind.UNKNOWN);
        Fm holds = args.isEmpty() ? JinjaExpressions.truth(it)
                : JinjaTests.apply(unquote(args.get(0)), it, args.subList(1, args.size()));
        return Fm.atom(value.operand() + "?filter(it -> " + (reject ? "!" + holds.operand() : holds.text()) + ")", Kind.SEQUENCE);
    }

    private static String attribute(Fm name) {
        return unquote(name);
    }

    /** The text of a string literal argument. */
    static String unquote(Fm literal) {
        String t = literal.text();
        if (!literal.is(Kind.STRING) || !t.startsWith("\"") || !t.endsWith("\"") || t.length() < 2) {
            throw new Unconvertible("a filter or test named by an expression (" + t + ") has no FreeMarker form");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length() - 1) {
                char e = t.charAt(++i);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Fm unsupported(String filter, String how) {
        throw new Unconvertible("the filter '" + filter + "'" + (how.isEmpty() ? "" : " " + how)
                + " has no FreeMarker form in unwind" + (how.isEmpty() ? " (a custom or plugin filter, or one FreeMarker lacks)" : ""));
    }
}
