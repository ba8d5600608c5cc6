package dev.unwind.module.files;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.ChangeCycle;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReplaceModuleTest {
    @TempDir
    Path tmp;
    TestContext ctx;
    Path area;
    Path conf;

    static final String TEXT = "# hosts\n127.0.0.1 localhost\n10.0.0.1 db old\n[a]\nkey=1\n[b]\nkey=2\n";

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestContext.in(tmp);
        area = Files.createDirectories(tmp.resolve("host"));
        conf = Files.writeString(area.resolve("hosts"), TEXT);
    }

    private Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("path", conf.toString());
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** regexp, replace, after, before, the file after, replacements. */
    static Stream<Arguments> edits() {
        return Stream.of(
                Arguments.of("old$", "new", null, null, TEXT.replace("db old", "db new"), 1),
                Arguments.of("^(\\S+) localhost$", "\\1 localhost.localdomain", null, null, TEXT.replace("localhost", "localhost.localdomain"), 1),
                Arguments.of("^(?P<k>key)=(\\d)$", "\\g<k> = \\g<2>0", null, null, TEXT.replace("key=1", "key = 10").replace("key=2", "key = 20"), 2),
                Arguments.of("^key=.*$", "key=x", "\\[b\\]", null, TEXT.replace("key=2", "key=x"), 1),
                Arguments.of("^key=.*$", "key=x", null, "\\[b\\]", TEXT.replace("key=1", "key=x"), 1),
                Arguments.of("^key=.*$", "key=$1", "\\[a\\]", "\\[b\\]", TEXT.replace("key=1", "key=$1"), 1),
                Arguments.of("localhost\\Z", "x", null, null, null, 0),
                Arguments.of("^#.*\\n", "", null, null, TEXT.substring("# hosts\n".length()), 1));
    }

    @ParameterizedTest
    @MethodSource("edits")
    void replacesAsPythonsReSubDoes(String regexp, String replace, String after, String before, String expected, int count)
            throws Exception {
        Map<String, Object> a = args("regexp", regexp, "replace", replace);
        if (after != null) {
            a.put("after", after);
        }
        if (before != null) {
            a.put("before", before);
        }
        if (expected == null) {
            Outcome o = ctx.run("replace", a);
            assertThat(o.status()).as(o.msg()).isEqualTo(Status.OK);
            assertThat(Files.readString(conf)).isEqualTo(TEXT);
            return;
        }
        Outcome real = ChangeCycle.verify(ctx, area, "replace", a);
        assertThat(real.msg()).isEqualTo(conf + ": " + count + " replacements made");
        assertThat(real.result()).containsEntry("msg", count + " replacements made");
        ctx.run("replace", a);
        assertThat(Files.readString(conf)).isEqualTo(expected);
    }

    @Test
    void aMissingFileFailsAsAnsiblesDoes() throws Exception {
        Outcome o = ctx.run("replace", Map.of("path", area.resolve("none").toString(), "regexp", "x"));
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.msg()).isEqualTo("Path " + area.resolve("none") + " does not exist !");
    }

    @Test
    void aFailedValidationLeavesTheFileAlone() throws Exception {
        Outcome o = ctx.run("replace", args("regexp", "old", "replace", "new", "validate", "grep -q nothing-like-it %s"));
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.msg()).startsWith("failed to validate: rc:1");
        assertThat(Files.readString(conf)).isEqualTo(TEXT);
        try (var files = Files.list(area)) {
            assertThat(files).hasSize(1);
        }
        Outcome ok = ChangeCycle.verify(ctx, area, "replace", args("regexp", "old", "replace", "new", "validate", "grep -q new %s"));
        assertThat(ok.changed()).isTrue();
    }

    @Test
    void aBackupIsKeptAndItsUndoRemovesIt() throws Exception {
        Outcome o = ctx.run("replace", args("regexp", "old", "replace", "new", "backup", true));
        String backup = (String) o.result().get("backup_file");
        assertThat(Files.readString(Path.of(backup))).isEqualTo(TEXT);
        ctx.undo(o);
        assertThat(Files.exists(Path.of(backup))).isFalse();
        assertThat(Files.readString(conf)).isEqualTo(TEXT);
    }
}
