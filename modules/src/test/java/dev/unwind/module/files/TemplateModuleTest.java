package dev.unwind.module.files;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.ChangeCycle;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateModuleTest {
    @TempDir
    Path tmp;
    TestContext ctx;
    Path area;

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestContext.in(tmp).withVar("port", 8443).withVar("name", "web");
        area = Files.createDirectories(tmp.resolve("host"));
        Files.writeString(ctx.templates().resolve("app.conf.ftl"), "name=${name}\nport=${port?c}\n");
    }

    @Test
    void rendersWithTheHostsVariablesAndUndoRestoresThePreviousFile() throws Exception {
        Path dest = Files.writeString(area.resolve("app.conf"), "name=old\n");
        Outcome real = ChangeCycle.verify(ctx.diffing(), area, "template",
                Map.of("src", "app.conf.ftl", "dest", dest.toString(), "mode", "0600"));
        assertThat(real.diff().after()).isEqualTo("name=web\nport=8443\n");
        assertThat(real.diff().before()).isEqualTo("name=old\n");
        assertThat(Files.readString(dest)).isEqualTo("name=old\n");
    }

    @Test
    void anUndefinedVariableFailsTheTaskWithItsName() throws Exception {
        Files.writeString(ctx.templates().resolve("bad.ftl"), "${missing}\n");
        Outcome o = ctx.run("template", Map.of("src", "bad.ftl", "dest", area.resolve("x").toString()));
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.msg()).contains("bad.ftl", "missing");
        assertThat(Files.exists(area.resolve("x"))).isFalse();
    }
}
