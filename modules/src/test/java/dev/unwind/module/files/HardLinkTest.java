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

class HardLinkTest {
    @TempDir
    Path tmp;
    TestContext ctx;
    Path area;
    Path src;

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestContext.in(tmp);
        area = Files.createDirectories(tmp.resolve("host"));
        src = Files.writeString(area.resolve("data"), "shared\n");
    }

    @Test
    void makesAHardLinkAndTheUndoRemovesTheName() throws Exception {
        Path link = area.resolve("alias");
        ChangeCycle.verify(ctx, area, "file", Map.of("path", link.toString(), "src", src.toString(), "state", "hard"));
        ctx.run("file", Map.of("path", link.toString(), "src", src.toString(), "state", "hard"));
        assertThat(Files.isSameFile(link, src)).isTrue();
    }

    @Test
    void aDifferentFileIsReplacedOnlyWithForceAndComesBackWithTheUndo() throws Exception {
        Path other = Files.writeString(area.resolve("other"), "mine\n");
        Outcome refused = ctx.run("file", Map.of("path", other.toString(), "src", src.toString(), "state", "hard"));
        assertThat(refused.status()).isEqualTo(Status.FAILED);
        ChangeCycle.verify(ctx, area, "file", Map.of("path", other.toString(), "src", src.toString(), "state", "hard", "force", true,
                "mode", "0600"));
    }
}
