package dev.unwind.module;

import java.util.List;

/** How to take a change back: module calls run in order, or a stated reason why none is needed. */
public sealed interface Undo permits Undo.Calls, Undo.NotNeeded {

    record Calls(List<ModuleCall> calls) implements Undo {
        public Calls {
            calls = List.copyOf(calls);
        }
    }

    record NotNeeded(String reason) implements Undo {
    }

    static Undo of(ModuleCall... calls) {
        return new Calls(List.of(calls));
    }

    static Undo none(String reason) {
        return new NotNeeded(reason);
    }
}
