package dev.unwind.module;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A module's declaration: its arguments, its undo kind and its documentation.
 *
 * @param freeForm the argument that receives a plain string ({@code command: ls -l}), or null
 * @param returns  the keys of the result and what they mean, for {@code unwind doc}
 * @param checkMode how the module behaves under {@code --check}, for {@code unwind doc}
 * @param openArgs  any argument name is accepted ({@code set_fact})
 */
public record ModuleSpec(String name, String description, List<ArgSpec> args, UndoKind undo,
                         String freeForm, Map<String, String> returns, String checkMode, boolean openArgs) {

    public static ModuleSpec of(String name, String description, UndoKind undo, ArgSpec... args) {
        return new ModuleSpec(name, description, List.of(args), undo, null, Map.of(), "predicts exactly", false);
    }

    public ModuleSpec freeForm(String arg) {
        return new ModuleSpec(name, description, args, undo, arg, returns, checkMode, openArgs);
    }

    public ModuleSpec returns(Map<String, String> r) {
        return new ModuleSpec(name, description, args, undo, freeForm, r, checkMode, openArgs);
    }

    public ModuleSpec checkMode(String text) {
        return new ModuleSpec(name, description, args, undo, freeForm, returns, text, openArgs);
    }

    public boolean acceptsAnyArgs() {
        return openArgs;
    }

    public ModuleSpec acceptingAnyArgs() {
        return new ModuleSpec(name, description, args, undo, freeForm, returns, checkMode, true);
    }

    public ModuleSpec {
        args = List.copyOf(args);
        returns = returns == null ? Map.of() : Map.copyOf(returns);
    }

    public Optional<ArgSpec> arg(String key) {
        return args.stream().filter(a -> a.answersTo(key)).findFirst();
    }
}
