package dev.unwind.module.library;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;
import dev.unwind.module.testing.ChangeCycle;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LibraryModuleTest {
    /**
     * A user's module in POSIX sh: makes sure a file holds a line. It predicts in check mode and answers its own
     * undo: remove the line it added, or the file it created.
     */
    static final String MARKER = """
            #!/bin/sh
            # unwind: supports_check_mode
            # unwind: returns_undo
            in=$(cat)
            field() { printf '%s' "$in" | sed -n "s/.*\\"$1\\":\\"\\{0,1\\}\\([^\\",}]*\\).*/\\1/p"; }
            path=$(field path); line=$(field line); state=$(field state); check=$(field _check_mode)
            [ -n "$state" ] || state=present
            if [ -z "$path" ] || [ -z "$line" ]; then echo '{"failed": true, "msg": "marker needs path and line"}'; exit 0; fi
            if [ "$state" = absent ]; then
              if [ -f "$path" ] && grep -qxF "$line" "$path"; then
                [ "$check" = true ] || { grep -vxF "$line" "$path" > "$path.tmp"; cat "$path.tmp" > "$path"; rm -f "$path.tmp"; }
                printf '{"changed": true, "msg": "removed %s", "undo": {"module": "marker", "args": {"path": "%s", "line": "%s"}}}\\n' "$line" "$path" "$line"
              else echo '{"changed": false, "msg": "absent"}'; fi
              exit 0
            fi
            if [ -f "$path" ] && grep -qxF "$line" "$path"; then echo '{"changed": false, "msg": "present"}'; exit 0; fi
            if [ -f "$path" ]; then undo="{\\"module\\": \\"marker\\", \\"args\\": {\\"path\\": \\"$path\\", \\"line\\": \\"$line\\", \\"state\\": \\"absent\\"}}"
            else undo="{\\"module\\": \\"file\\", \\"args\\": {\\"path\\": \\"$path\\", \\"state\\": \\"absent\\"}}"; fi
            [ "$check" = true ] || printf '%s\\n' "$line" >> "$path"
            printf '{"changed": true, "msg": "added %s", "ran_from": "%s", "undo": %s}\\n' "$line" "$0" "$undo"
            """;

    @TempDir
    Path tmp;
    Path playbookDir;
    TestContext ctx;

    @BeforeEach
    void library() throws Exception {
        playbookDir = tmp.resolve("playbook");
        Files.createDirectories(playbookDir.resolve("library"));
        write("marker.sh", MARKER, true);
        write("echo", "#!/bin/sh\nin=$(cat)\nprintf '{\"changed\": true, \"msg\": \"got it\", \"input\": %s}' \"$in\"\n", true);
        write("noisy", "#!/bin/sh\necho 'this is not JSON'\necho 'something broke' >&2\nexit 3\n", true);
        write("liar", "#!/bin/sh\n# unwind: returns_undo\ncat >/dev/null\necho '{\"changed\": true}'\n", true);
        write("README.md", "not a module", false);
        ctx = TestContext.in(tmp.resolve("ctx")).withModules(LibraryModules.scan(playbookDir));
    }

    private void write(String name, String text, boolean executable) throws Exception {
        Path p = playbookDir.resolve("library").resolve(name);
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    @Test
    void executablesInLibraryAreModulesNamedAfterTheirFiles() {
        assertThat(LibraryModules.scan(playbookDir)).extracting(m -> m.name()).containsExactly("echo", "liar", "marker", "noisy");
        assertThat(LibraryModules.scan(tmp.resolve("elsewhere"))).isEmpty();
        var byName = LibraryModules.scan(playbookDir);
        assertThat(byName.get(2).spec().undo()).as("marker says returns_undo").isEqualTo(UndoKind.AUTOMATIC);
        assertThat(byName.get(0).spec().undo()).as("echo says nothing: tasks must give undo").isEqualTo(UndoKind.EXPLICIT);
        assertThat(byName.get(0).spec().acceptsAnyArgs()).isTrue();
    }

    @Test
    void aShellModuleRunsTheWholeCycleWithTheUndoItAnswers() throws Exception {
        Path area = tmp.resolve("area");
        Files.createDirectories(area);
        Files.writeString(area.resolve("hosts.allow"), "sshd: 10.0.0.0/8\n");
        Outcome added = ChangeCycle.verify(ctx, area, "marker", Map.of("path", area.resolve("hosts.allow").toString(), "line", "sshd: 192.168.0.0/16"));
        assertThat(added.msg()).isEqualTo("added sshd: 192.168.0.0/16");
        assertThat(Files.exists(Path.of((String) added.result().get("ran_from"))))
                .as("the module ran from a temporary copy on the host, removed afterwards").isFalse();

        Outcome created = ChangeCycle.verify(ctx, area, "marker", Map.of("path", area.resolve("new.conf").toString(), "line", "x=1"));
        assertThat(created.undo()).isEqualTo(Undo.of(dev.unwind.module.ModuleCall.of("file",
                Map.of("path", area.resolve("new.conf").toString(), "state", "absent"))));
    }

    @Test
    void itReceivesItsArgsWithCheckModeAndDiffAsJsonOnStdin() throws Exception {
        Outcome o = ctx.run("echo", Map.of("name", "web", "replicas", 3, "tags", List.of("a", "b")));
        assertThat(o.status()).isEqualTo(Status.CHANGED);
        assertThat(o.result()).containsEntry("input",
                Map.of("name", "web", "replicas", 3, "tags", List.of("a", "b"), "_check_mode", false, "_diff", false));
        assertThat(o.undo()).as("echo answered no undo: the task's own undo applies").isNull();

        Outcome checked = ctx.checking().run("echo", Map.of("name", "web"));
        assertThat(checked.status()).isEqualTo(Status.SKIPPED);
        assertThat(checked.msg()).isEqualTo("skipped in check mode: echo does not say 'unwind: supports_check_mode'");
    }

    @Test
    void badAnswersFailClearly() throws Exception {
        Outcome noisy = ctx.run("noisy", Map.of());
        assertThat(noisy.status()).isEqualTo(Status.FAILED);
        assertThat(noisy.msg()).isEqualTo("module noisy did not answer JSON (exit 3): this is not JSON stderr: something broke");

        Outcome liar = ctx.run("liar", Map.of());
        assertThat(liar.status()).isEqualTo(Status.FAILED);
        assertThat(liar.msg()).isEqualTo("module liar says 'unwind: returns_undo' but changed the host without answering an undo");

        Outcome refused = ctx.run("marker", Map.of("path", "/x"));
        assertThat(refused.status()).isEqualTo(Status.FAILED);
        assertThat(refused.msg()).isEqualTo("marker needs path and line");
    }
}
