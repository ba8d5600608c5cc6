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
            case "true" -> bool(v + " == true");
            case "false" -> bool(v + " == false");
            case "even" -> Fm.compound(v + " % 2 == 0", Kind.BOOLEAN);
            case "odd" -> Fm.compound(v + " % 2 == 1", Kind.BOOLEAN);
            case "divisibleby" -> Fm.compound(v + " % " + one(test, args).operand() + " == 0", Kind.BOOLEAN);
            case "eq", "equalto", "==", "sameas" -> Fm.compound(v + " == " + one(test, args).operand(), Kind.BOOLEAN);
            case "ne", "!=" -> Fm.compound(v + " != " + one(test, args).operand(), Kind.BOOLEAN);
            case "lt", "<", "lessthan" -> Fm.compound(v + " < " + one(test, args).operand(), Kind.BOOLEAN);
            case "le", "<=" -> Fm.compound(v + " <= " + one(test, args).operand(), Kind.BOOLEAN);
            case "gt", ">", "greaterthan" -> Fm.compound(v + " > " + one(test, args).operand(), Kind.BOOLEAN);
            case "ge", ">=" -> Fm.compound(v + " >= " + one(test, args).operand(), Kind.BOOLEAN);
            case "in" -> JinjaExpressions.contains(one(test, args), value);
            case "lower" -> Fm.compound(v + " == " + v + "?lower_case", Kind.BOOLEAN);
            case "upper" -> Fm.compound(v + " == " + v + "?upper_case", Kind.BOOLEAN);
            case "match" -> matches(v, one(test, args), "", "[\\s\\S]*");
            case "search", "regex" -> matches(v, one(test, args), "[\\s\\S]*", "[\\s\\S]*");
            default -> throw new Unconvertible("the test '" + test + "' has no FreeMarker form in unwind");
        };
    }

    /** Python's re.match (anchored at the start) and re.search, as FreeMarker's whole-text ?matches. */
    private static Fm matches(String v, Fm pattern, String before, String after) {
        String p = JinjaFilters.unquote(pattern);
        return bool(v + "?matches(" + JinjaExpressions.literal(before + "(?:" + p + ")" + after) + ")");
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
