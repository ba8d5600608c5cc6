package dev.unwind.playbook;

import dev.unwind.input.Position;
import dev.unwind.input.Problem;
import dev.unwind.module.ArgSpec;
import dev.unwind.module.ModuleSpec;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks a task's arguments against its module's declared spec. Values still to be rendered are checked later. */
final class ArgsCheck {
    private ArgsCheck() {
    }

    static void check(ModuleSpec spec, Map<String, Object> args, Position at, List<Problem> problems) {
        for (Map.Entry<String, Object> e : args.entrySet()) {
            var declared = spec.arg(e.getKey());
            if (declared.isEmpty()) {
                if (!spec.acceptsAnyArgs()) {
                    problems.add(new Problem(at, "unknown argument '" + e.getKey() + "' for module " + spec.name()
                            + PlaybookLoader.suggestion(e.getKey(), names(spec)) + "; it takes: " + String.join(", ", names(spec))));
                }
                continue;
            }
            ArgSpec a = declared.get();
            Object v = e.getValue();
            if (v == null || (v instanceof String s && s.contains("${"))) {
                continue;
            }
            if (a.name().equals("mode") && (v instanceof Map<?, ?> || v instanceof List<?>)) {
                // modes are RAW (octal number or text) in the modules' specs, but never a collection
                problems.add(new Problem(at, "argument 'mode' of " + spec.name() + " must be a single value such as '0644'"
                        + " or 'u=rw,g=r', got " + describe(v)));
                continue;
            }
            if (!a.type().accepts(v)) {
                problems.add(new Problem(at, "argument '" + a.name() + "' of " + spec.name() + " must be " + article(a.type().label())
                        + ", got " + describe(v)));
            } else if (!a.choices().isEmpty() && !a.choices().contains(String.valueOf(v))) {
                problems.add(new Problem(at, "argument '" + a.name() + "' of " + spec.name() + " must be one of "
                        + String.join(", ", a.choices()) + ", got '" + v + "'"));
            }
        }
        for (ArgSpec a : spec.args()) {
            boolean given = args.keySet().stream().anyMatch(a::answersTo);
            if (a.required() && !given) {
                problems.add(new Problem(at, "module " + spec.name() + " needs argument '" + a.name() + "'"
                        + (a.description() == null ? "" : " (" + a.description() + ")")));
            }
        }
    }

    private static java.util.Set<String> names(ModuleSpec spec) {
        return spec.args().stream().map(ArgSpec::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static String article(String type) {
        return switch (type) {
            case "int" -> "an integer";
            case "bool" -> "a boolean (true/false)";
            case "list" -> "a list";
            case "dict" -> "a mapping";
            default -> "a " + type;
        };
    }

    private static String describe(Object v) {
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        return "'" + v + "'";
    }
}
