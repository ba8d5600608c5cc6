package dev.unwind.cli;

import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.library.LibraryModules;

import java.nio.file.Path;

/** The modules a playbook can use: the built-ins, plus executables in {@code library/} beside it (which win on a name clash, as in Ansible). */
final class Catalogs {
    private Catalogs() {
    }

    static ModuleCatalog forPlaybook(Path playbook) {
        Path dir = playbook.toAbsolutePath().getParent();
        return ModuleCatalog.builtIn().with(LibraryModules.scan(dir));
    }
}
