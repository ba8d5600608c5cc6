package dev.unwind.convert;

import dev.unwind.convert.Fm.Kind;

import java.util.List;

/** The Python methods Jinja lets a template call ({@code s.startswith('a')}, {@code d.get('k', 1)}) as FreeMarker built-ins. */
final class PythonMethods {
    private PythonMethods() {
    }

    static Fm apply(String method, Fm target, List<Fm> args) {
        String t = target.operand();
        String a = JinjaExpressions.texts(args);
        return switch (method) {
            case "startswith" -> Fm.atom(t + "?starts_with(" + a + ")", Kind.BOOLEAN);
            case "endswith" -> Fm.atom(t + "?ends_with(" + a + ")", Kind.BOOLEAN);
            case "split" -> args.isEmpty() ? target.builtin("word_list", Kind.SEQUENCE) : Fm.atom(t + "?split(" + a + ")", Kind.SEQUENCE);
            case "strip" -> args.isEmpty() ? target.builtin("trim", Kind.STRING) : none(method);
            case "lower" -> target.builtin("lower_case", Kind.STRING);
            case "upper" -> target.builtin("upper_case", Kind.STRING);
            case "replace" -> Fm.atom(t + "?replace(" + a + ")", Kind.STRING);
            case "keys" -> target.builtin("keys", Kind.SEQUENCE);
            case "values" -> target.builtin("values", Kind.SEQUENCE);
            case "join" -> args.size() == 1 ? Fm.atom(args.get(0).operand() + "?join(" + target.text() + ")", Kind.STRING) : none(method);
            case "get" -> Fm.of(t + "[" + args.get(0).text() + "]!" + (args.size() > 1 ? args.get(1).operand() : "\"\""), Fm.DEFAULT, Kind.UNKNOWN);
            default -> none(method);
        };
    }

    private static Fm none(String method) {
        throw new Unconvertible("the Python method ." + method + "() has no FreeMarker form in unwind");
    }
}
