package dev.unwind.module.doc;

import dev.unwind.module.ModuleCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModuleDocTest {
    private final ModuleDoc doc = new ModuleDoc(ModuleCatalog.builtIn());

    @Test
    void listsEveryModuleOnALineWithInternalOnesApart() {
        String list = doc.list();
        assertThat(list).containsPattern("(?m)^copy +Copies a file from the controller, or literal content, to a host; atomically");
        assertThat(list).containsPattern("(?m)^command +Runs a program on the host, without a shell$");
        String internal = list.substring(list.indexOf("Internal (used by automatic undo"));
        assertThat(internal).containsPattern("(?m)^restore_path +The automatic undo of copy");
        assertThat(list.substring(0, list.indexOf("Internal ("))).doesNotContain("restore_path");
    }

    @Test
    void describesArgumentsDefaultsReturnsCheckModeAndUndo() {
        String page = doc.describe("lineinfile").orElseThrow();
        assertThat(page).startsWith("lineinfile\n\n");
        assertThat(page).contains("  path (str, required)\n      aliases: dest, destfile, name\n");
        assertThat(page).contains("  state (str, default: present)\n      choices: present, absent\n");
        assertThat(page).contains("RETURNS\n").contains("  found\n      lines removed (state=absent)\n");
        assertThat(page).contains("CHECK MODE\n  predicts exactly");
        assertThat(page).contains("UNDO\n  automatic: the module journals its own inverse");
        assertThat(doc.describe("command").orElseThrow()).contains("cmd (str)  [free form: command: VALUE]")
                .contains("UNDO\n  the task must say undo:");
        assertThat(doc.describe("set_fact").orElseThrow()).contains("any other name: accepted");
        assertThat(doc.describe("nope")).isEmpty();
    }
}
