package dev.unwind.module;

import java.util.Map;

/** One idempotent action on a host. In check mode it must predict, never act. */
public interface Module {

    ModuleSpec spec();

    default String name() {
        return spec().name();
    }

    /**
     * The undo kind of one call. A module whose reads and writes share a name ({@code uri} GET vs POST)
     * narrows its declared kind here. The loader asks with the literal arguments (values still holding
     * {@code ${...}} are unknown, and a module must then answer its declared kind); the executor asks
     * again with the rendered arguments.
     */
    default UndoKind undoKind(Map<String, Object> args) {
        return spec().undo();
    }

    /**
     * Checks or applies the module. Failures the user should see are returned as
     * {@link Outcome#failed}; a {@link ConnectionException} means the host is unreachable.
     */
    Outcome run(Args args, ModuleContext ctx) throws ConnectionException;
}
