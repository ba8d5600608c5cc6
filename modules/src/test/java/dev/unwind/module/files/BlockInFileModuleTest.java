package dev.unwind.module.files;

import dev.unwind.module.Outcome;
import dev.unwind.module.testing.ChangeCycle;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BlockInFileModuleTest {
    @TempDir
    Path tmp;
    TestContext ctx;
    Path area;
    Path hosts;

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestContext.in(tmp);
        area = Files.createDirectories(tmp.resolve("host"));
        hosts = Files.writeString(area.resolve("hosts"), "127.0.0.1 localhost\n");
    }

    @Test
    void insertsThenUpdatesThenRemovesTheBlock() throws Exception {
        Outcome inserted = ChangeCycle.verify(ctx, area, "blockinfile",
                Map.of("path", hosts.toString(), "block", "10.0.0.1 m1\n10.0.0.2 m2\n"));
        assertThat(inserted.msg()).isEqualTo(hosts + ": block inserted");
        ctx.run("blockinfile", Map.of("path", hosts.toString(), "block", "10.0.0.1 m1\n10.0.0.2 m2\n"));
        assertThat(Files.readString(hosts)).isEqualTo("127.0.0.1 localhost\n# BEGIN ANSIBLE MANAGED BLOCK\n"
                + "10.0.0.1 m1\n10.0.0.2 m2\n# END ANSIBLE MANAGED BLOCK\n");

        Outcome updated = ChangeCycle.verify(ctx, area, "blockinfile", Map.of("path", hosts.toString(), "block", "10.0.0.3 m3"));
        assertThat(updated.msg()).isEqualTo(hosts + ": block updated");

        Outcome removed = ChangeCycle.verify(ctx, area, "blockinfile", Map.of("path", hosts.toString(), "state", "absent"));
        assertThat(removed.msg()).isEqualTo(hosts + ": block removed");
    }

    @Test
    void usesItsOwnMarkersAndInsertsAtTheTop() throws Exception {
        ctx.run("blockinfile", Map.of("path", hosts.toString(), "block", "x", "marker", "## {mark} unwind", "insertbefore", "BOF"));
        assertThat(Files.readString(hosts)).isEqualTo("## BEGIN unwind\nx\n## END unwind\n127.0.0.1 localhost\n");
    }
}
