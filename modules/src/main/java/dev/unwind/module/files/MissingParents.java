package dev.unwind.module.files;

import dev.unwind.module.ConnectionException;
import dev.unwind.module.FileStat;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.Outcome;
import dev.unwind.module.Predictions;
import dev.unwind.module.Undo;

import java.util.ArrayList;
import java.util.List;

/**
 * The directories a module that creates a file ({@code ini_file create=true}) makes above it first, as Ansible's do:
 * looked at and made with {@link DirectoryChain} (what another host makes meanwhile is not this call's), and undone
 * after the file, innermost first.
 */
final class MissingParents {
    private MissingParents() {
    }

    /** The missing directories above {@code path}, outermost first: none when its parent is there. */
    static List<String> of(ModuleContext ctx, String path) throws ConnectionException {
        DirectoryChain.Look look = DirectoryChain.look(ctx.connection(), PriorState.parentOf(path), Attributes.NONE);
        if (look.blocked() != null) {
            throw new IllegalStateException("cannot create " + path + ": " + look.blocked() + " exists and is not a directory");
        }
        return look.stat().exists() ? List.of() : look.missing();
    }

    /** Makes them (announcing their undo first), or in check mode records that the run would. */
    static List<String> make(ModuleContext ctx, String path, List<String> missing) throws ConnectionException {
        if (missing.isEmpty()) {
            return missing;
        }
        if (ctx.check()) {
            missing.forEach(d -> ctx.predictions().add(Predictions.Kind.PATH, d));
            return missing;
        }
        ctx.beforeChange(removal(missing));
        return DirectoryChain.create(ctx.connection(), PriorState.parentOf(path), missing, Attributes.NONE).created();
    }

    /** The outcome of placing the file, with the directories' removal after its own undo. */
    static Outcome withRemoval(Outcome placed, List<String> made) {
        if (made.isEmpty() || !(placed.undo() instanceof Undo.Calls calls)) {
            return placed;
        }
        List<ModuleCall> all = new ArrayList<>(calls.calls());
        all.addAll(((Undo.Calls) removal(made)).calls());
        return placed.withUndo(new Undo.Calls(all));
    }

    private static Undo removal(List<String> dirs) {
        List<ModuleCall> undo = new ArrayList<>();
        for (String d : dirs) {
            undo.add(0, new PriorState(d, FileStat.ABSENT).restoreAttributes());
        }
        return new Undo.Calls(undo);
    }
}
