package dev.unwind.module.system;

import dev.unwind.module.Args;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;

/** {@code systemd_service}: Ansible's newer name of {@code systemd}, the same module. */
public final class SystemdServiceModule implements Module {
    private static final SystemdModule SYSTEMD = new SystemdModule();
    private static final ModuleSpec SPEC = alias(SYSTEMD.spec());

    private static ModuleSpec alias(ModuleSpec s) {
        return new ModuleSpec("systemd_service", "The same module as systemd, under Ansible's newer name. " + s.description(),
                s.args(), s.undo(), s.freeForm(), s.returns(), s.checkMode(), s.acceptsAnyArgs());
    }

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        return SYSTEMD.run(new Args(SYSTEMD.spec(), args.asMap()), ctx);
    }
}
