package dev.unwind.cli;

import dev.unwind.module.ModuleCatalog;

import java.nio.file.Path;

/** The modules a playbook can use: the built-ins, plus executables in {@code library/} beside it. */
final class Catalogs {
    private Catalogs() {
    }

    static ModuleCatalog forPlaybook(Path playbook) {
        return ModuleCatalog.builtIn();
    }
}
