package dev.unwind.playbook;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Problem;
import dev.unwind.module.ModuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The undo rule asks the module about each call ({@code Module.undoKind(args)}): a uri GET only reads, so it
 * needs no undo; a POST, or a method still to be rendered, can change something and must say how to undo it.
 */
class UndoRuleTest {
    @TempDir
    Path dir;

    private Playbook load(String tasks) throws IOException {
        Path pb = dir.resolve("site.yml");
        Files.writeString(pb, "- hosts: all\n  tasks:\n" + tasks);
        return new PlaybookLoader(ModuleCatalog.builtIn()).load(pb);
    }

    @Test
    void readsThroughAModuleThatCanAlsoWriteNeedNoUndo() throws IOException {
        Playbook p = load("""
                    - uri: url=https://mke.example/_ping
                    - uri:
                        url: https://mke.example/api/v1/nodes
                        method: head
                """);
        assertThat(p.plays().get(0).tasks()).hasSize(2);
    }

    @Test
    void aWriteOrAnUnknownMethodNeedsAnUndoWithItsPosition() {
        InvalidInput e = catchThrowableOfType(InvalidInput.class, () -> load("""
                    - name: create the user
                      uri:
                        url: https://mke.example/accounts
                        method: POST
                    - name: whatever verb
                      uri:
                        url: https://mke.example/accounts
                        method: ${verb}
                """));
        assertThat(e.problems()).extracting(Problem::toString).hasSize(2)
                .anySatisfy(s -> assertThat(s).contains("site.yml:3:7").contains("task 'create the user' can change the host but has no undo"))
                .anySatisfy(s -> assertThat(s).contains("site.yml:7:7").contains("task 'whatever verb' can change the host but has no undo"));
    }

    @Test
    void aWriteWithAnUndoOrChangedWhenFalseIsAccepted() throws IOException {
        Playbook p = load("""
                    - uri: url=https://mke.example/accounts method=POST body_format=json
                      undo:
                        uri: url=https://mke.example/accounts/1 method=DELETE
                    - uri: url=https://mke.example/search method=POST
                      changed_when: false
                """);
        assertThat(p.plays().get(0).tasks()).hasSize(2);
    }
}
