package dev.unwind.module;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInCatalogTest {

    @Test
    void findsEveryBuiltInModuleThroughTheServiceLoader() {
        ModuleCatalog catalog = ModuleCatalog.builtIn();
        assertThat(catalog.all()).extracting(Module::name).contains(
                "command", "shell", "copy", "template", "file", "restore_path", "debug", "set_fact", "assert", "fail");
    }

    @Test
    void everyModuleIsDocumentedAndChangingModulesSayHowTheyUndo() {
        for (Module m : ModuleCatalog.builtIn().all()) {
            ModuleSpec s = m.spec();
            assertThat(s.description()).as(m.name()).isNotBlank();
            assertThat(s.undo()).as(m.name()).isNotNull();
            assertThat(s.checkMode()).as(m.name()).isNotBlank();
            s.args().forEach(a -> assertThat(a.description()).as(m.name() + "." + a.name()).isNotBlank());
        }
    }
}
