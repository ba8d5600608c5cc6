package dev.unwind.module.control;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetaAndPauseTest {
    @TempDir
    Path tmp;

    @Test
    void metaNamesTheActionForTheEngine() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        Outcome o = ctx.run("meta", Map.of("free_form", "end_host"));
        assertThat(o.status()).isEqualTo(Status.OK);
        assertThat(o.result()).containsEntry(MetaModule.KEY, MetaModule.END_HOST);
        assertThat(new MetaModule().spec().freeForm()).isEqualTo("free_form");
    }

    @Test
    void pauseWaitsTheGivenTime() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        long start = System.nanoTime();
        Outcome o = ctx.run("pause", Map.of("seconds", 1));
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1000);
        assertThat(o.result()).containsEntry("delta", 1L);
        assertThat(ctx.run("pause", Map.of()).status()).isEqualTo(Status.FAILED);
    }
}
