package dev.unwind.module.files;

import dev.unwind.module.ModuleCall;
import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.Undo;
import dev.unwind.module.testing.TestContext;
import dev.unwind.module.testing.TreeSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TempFileModuleTest {
    @TempDir
    Path tmp;
    TestContext ctx;
    Path area;

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestContext.in(tmp);
        area = Files.createDirectories(tmp.resolve("host"));
        Files.writeString(area.resolve("keep"), "x");
    }

    /**
     * tempfile's own change cycle: a second run makes another path (as Ansible's does), so ChangeCycle's "second run
     * is ok" does not apply; the rest does.
     */
    @ParameterizedTest(name = "{0} {1}*{2}")
    @CsvSource({"file, ansible., '', rw-------", "directory, build-, .d, rwx------", "file, '', .txt, rw-------"})
    void createsANewPathEachRunAndItsUndoRemovesIt(String state, String prefix, String suffix, String perms) throws Exception {
        Map<String, Object> a = new HashMap<>(Map.of("state", state, "path", area + "/", "prefix", prefix, "suffix", suffix));
        TreeSnapshot before = TreeSnapshot.of(area);

        Outcome predicted = ctx.checking().run("tempfile", a);
        assertThat(predicted.status()).as(predicted.msg()).isEqualTo(Status.CHANGED);
        assertThat(TreeSnapshot.of(area)).isEqualTo(before);

        Outcome real = ctx.run("tempfile", a);
        assertThat(real.status()).as(real.msg()).isEqualTo(Status.CHANGED);
        assertThat(real.msg()).isEqualTo(predicted.msg()).isEqualTo("temporary " + state + " created in " + area);
        for (Outcome o : List.of(predicted, real)) {
            String p = (String) o.result().get("path");
            assertThat(p).matches(java.util.regex.Pattern.quote(area + "/" + prefix) + "[a-z0-9_]{8}" + java.util.regex.Pattern.quote(suffix));
            assertThat(o.undo()).isEqualTo(Undo.of(ModuleCall.of("restore_path", Map.of("path", p, "kind", "absent"))));
        }
        Path made = Path.of((String) real.result().get("path"));
        assertThat(state.equals("directory") ? Files.isDirectory(made) : Files.isRegularFile(made)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo(perms);

        Outcome another = ctx.run("tempfile", a);
        assertThat(another.status()).isEqualTo(Status.CHANGED);
        assertThat(another.result().get("path")).isNotEqualTo(real.result().get("path"));
        ctx.undo(another);

        assertThat(ctx.undo(real)).allSatisfy(o -> assertThat(o.status()).isEqualTo(Status.CHANGED));
        assertThat(TreeSnapshot.of(area)).isEqualTo(before);
        assertThat(ctx.undo(real)).allSatisfy(o -> assertThat(o.status()).isEqualTo(Status.OK));
    }

    @Test
    void failsInCheckModeAsForRealWhenTheFolderIsMissing() throws Exception {
        Map<String, Object> a = Map.of("path", area.resolve("nope").toString());
        for (TestContext c : List.of(ctx.checking(), ctx)) {
            Outcome o = c.run("tempfile", a);
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.msg()).isEqualTo("cannot create a temporary file in " + area.resolve("nope") + ": no such directory");
        }
    }
}
