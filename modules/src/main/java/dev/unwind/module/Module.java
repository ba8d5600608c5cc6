package dev.unwind.module;

/** One idempotent action on a host. In check mode it must predict, never act. */
public interface Module {

    ModuleSpec spec();

    default String name() {
        return spec().name();
    }

    /**
     * Checks or applies the module. Failures the user should see are returned as
     * {@link Outcome#failed}; a {@link ConnectionException} means the host is unreachable.
     */
    Outcome run(Args args, ModuleContext ctx) throws ConnectionException;
}
