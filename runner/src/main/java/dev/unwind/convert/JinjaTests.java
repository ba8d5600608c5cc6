package dev.unwind.convert;

import dev.unwind.convert.Fm.Kind;

import java.util.List;

/**
 * Jinja's and Ansible's tests ({@code x is defined}, {@code r is changed}, {@code s is match('a')}) as FreeMarker
 * boolean expressions. unwind's registered results always carry {@code changed}, {@code failed} and
 * {@code skipped}. A test FreeMarker has no form for throws {@link Unconvertible}.
 */
final class JinjaTests {
    private JinjaTests() {
    }

    static Fm apply(String test, Fm value, List<Fm> args) {
        String v = value.operand();
        return switch (test) {
            case "defined" -> bool(v + "??");
            case "undefined", "none" -> bool("!" + v + "??");
            case "changed", "change" -> bool(v + ".changed");
            case "failed", "failure" -> bool(v + ".failed");
            case "succeeded", "success", "successful" -> bool("!" + v + ".failed");
            case "skipped", "skip" -> bool(v + ".skipped");
            case "string" -> bool(v + "?is_string");
            case "number", "integer", "float" -> bool(v + "?is_number");
            case "boolean" -> bool(v + "?is_boolean");
            case "mapping" -> bool(v + "?is_hash");
            case "sequence", "iterable" -> bool(v + "?is_enumerable");
            case "true" -> same(v, true);
            case "false" -> same(v, false);
            case "even" -> compare(v + " % 2", "==", "0");
            case "odd" -> compare(v + " % 2", "==", "1");
            case "divisibleby" -> compare(v + " % " + one(test, args).operandAt(Fm.UNARY), "==", "0");
            case "sameas" -> List.of("true", "false").contains(one(test, args).text())
                    ? same(v, one(test, args).text().equals("true")) : compare(v, "==", one(test, args));
            case "eq", "equalto", "==" -> compare(v, "==", one(test, args));
            case "ne", "!=" -> compare(v, "!=", one(test, args));
            case "lt", "<", "lessthan" -> compare(v, "<", one(test, args));
            case "le", "<=" -> compare(v, "<=", one(test, args));
            case "gt", ">", "greaterthan" -> compare(v, ">", one(test, args));
            case "ge", ">=" -> compare(v, ">=", one(test, args));
            case "in" -> JinjaExpressions.contains(one(test, args), value);
            case "lower" -> compare(v, "==", v + "?lower_case");
            case "upper" -> compare(v, "==", v + "?upper_case");
            // unwind's template functions for Ansible's tests (the loose comparison; the path on the controller)
            case "version", "version_compare" -> version(value, args);
            case "exists" -> bool("path_exists(" + value.text() + ")");
            case "match" -> matches(v, one(test, args), "", "[\\s\\S]*");
            case "search", "regex" -> matches(v, one(test, args), "[\\s\\S]*", "[\\s\\S]*");
            default -> throw new Unconvertible("the test '" + test + "' has no FreeMarker form in unwind");
        };
    }

    private static Fm version(Fm value, List<Fm> args) {
        if (args.isEmpty() || args.size() > 2) {
            throw new Unconvertible("the test 'version' takes a version and an operator here");
        }
        return bool("version_compare(" + value.text() + ", " + JinjaExpressions.texts(args) + ")");
    }

    /**
     * {@code v is true}, {@code v is sameas false}: Python's identity with a boolean, false for anything else, an
     * undefined value too (where {@code v == true} would stop the run).
     */
    private static Fm same(String v, boolean which) {
        return Fm.of(v + "?? && " + v + "?is_boolean && " + (which ? "" : "!") + v, Fm.AND, Kind.BOOLEAN);
    }

    /** Python's re.match (anchored at the start) and re.search, as FreeMarker's whole-text ?matches. */
    private static Fm matches(String v, Fm pattern, String before, String after) {
        String p = JinjaFilters.unquote(pattern);
        return bool(v + "?matches(" + JinjaExpressions.literal(before + "(?:" + p + ")" + after) + ")");
    }

    /** {@code value op other}: a comparison; {@code value} is written as it is (a built-in's result, or a remainder). */
    private static Fm compare(String value, String op, Object other) {
        String o = other instanceof Fm f ? f.operandAt(Fm.RELATION + 1) : String.valueOf(other);
        return Fm.of(value + " " + op + " " + o, op.equals("==") || op.equals("!=") ? Fm.EQUALITY : Fm.RELATION, Kind.BOOLEAN);
    }

    private static Fm one(String test, List<Fm> args) {
        if (args.size() != 1) {
            throw new Unconvertible("the test '" + test + "' takes one argument here");
        }
        return args.get(0);
    }

    private static Fm bool(String text) {
        return Fm.atom(text, Kind.BOOLEAN);
    }
}
