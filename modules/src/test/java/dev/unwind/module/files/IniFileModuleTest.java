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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class IniFileModuleTest {
    @TempDir
    Path tmp;
    TestContext ctx;
    Path area;
    Path ini;

    static final String TEXT = "top = 1\n[db]\n# port = 1\nhost = a\n\n[web]\nport = 80\nport = 81\n";

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestContext.in(tmp);
        area = Files.createDirectories(tmp.resolve("host"));
        ini = Files.writeString(area.resolve("app.ini"), TEXT);
    }

    static Map<String, Object> kv(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** arguments, Ansible's msg, the file after. */
    static Stream<Arguments> edits() {
        return Stream.of(
                Arguments.of(kv("section", "db", "option", "host", "value", "b"), "option changed", TEXT.replace("host = a", "host = b")),
                Arguments.of(kv("section", "db", "option", "port", "value", "5432"), "option changed", TEXT.replace("# port = 1", "port = 5432")),
                Arguments.of(kv("section", "db", "option", "user", "value", "me", "no_extra_spaces", true), "option added",
                        TEXT.replace("host = a\n", "host = a\nuser=me\n")),
                Arguments.of(kv("section", "web", "option", "port", "value", "81"), "option changed", TEXT.replace("port = 80\n", "")),
                Arguments.of(kv("section", "web", "option", "port", "value", "82", "exclusive", false), "option added",
                        TEXT + "port = 82\n"),
                Arguments.of(kv("section", "web", "option", "port", "values", List.of("80", "81", "82")), "option added",
                        TEXT + "port = 82\n"),
                Arguments.of(kv("section", "new", "option", "a", "value", "1"), "section and option added", TEXT + "[new]\na = 1\n"),
                Arguments.of(kv("option", "top", "value", "2"), "option changed", TEXT.replace("top = 1", "top = 2")),
                Arguments.of(kv("section", "web", "option", "port", "state", "absent"), "option changed", TEXT.replace("port = 80\nport = 81\n", "")),
                Arguments.of(kv("section", "web", "option", "port", "value", "80", "state", "absent", "exclusive", false), "option changed",
                        TEXT.replace("port = 80\n", "")),
                Arguments.of(kv("section", "db", "state", "absent"), "section removed", "top = 1\n[web]\nport = 80\nport = 81\n"),
                Arguments.of(kv("section", "db", "option", "flag", "allow_no_value", true), "option added",
                        TEXT.replace("host = a\n", "host = a\nflag\n")));
    }

    @ParameterizedTest
    @MethodSource("edits")
    void editsAsAnsiblesIniFileDoes(Map<String, Object> given, String msg, String expected) throws Exception {
        Map<String, Object> a = new HashMap<>(given);
        a.put("path", ini.toString());
        Outcome real = ChangeCycle.verify(ctx, area, "ini_file", a);
        assertThat(real.result()).containsEntry("msg", msg);
        ctx.run("ini_file", a);
        assertThat(Files.readString(ini)).isEqualTo(expected);
    }

    @Test
    void missingParentDirectoriesAreMadeAndRemovedByTheUndo() throws Exception {
        Path deep = area.resolve("conf.d/app/app.ini");
        Outcome real = ChangeCycle.verify(ctx, area, "ini_file", kv("path", deep.toString(), "section", "s", "option", "o", "value", "v"));
        assertThat(((dev.unwind.module.Undo.Calls) real.undo()).calls()).hasSize(3);
    }

    @Test
    void aValueAlreadySetIsOk() throws Exception {
        Outcome o = ctx.run("ini_file", kv("path", ini.toString(), "section", "db", "option", "host", "value", "a"));
        assertThat(o.status()).as(o.msg()).isEqualTo(Status.OK);
        assertThat(o.result()).containsEntry("msg", "OK");
    }

    @Test
    void createsAMissingFileAndTheUndoRemovesIt() throws Exception {
        Path fresh = area.resolve("fresh.ini");
        Outcome real = ChangeCycle.verify(ctx, area, "ini_file", kv("path", fresh.toString(), "section", "s", "option", "o", "value", "v", "mode", "0600"));
        assertThat(real.result()).containsEntry("msg", "section and option added");
        Outcome none = ctx.run("ini_file", kv("path", fresh.toString(), "section", "s", "option", "o", "value", "v", "create", false));
        assertThat(none.status()).isEqualTo(Status.FAILED);
        assertThat(none.msg()).isEqualTo("Destination " + fresh + " does not exist!");
    }
}
