package dev.unwind.module.system;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WaitForModuleTest {
    @TempDir
    Path tmp;

    @Test
    void waitsForAPortToOpenAndToClose() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        int port;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
            assertThat(ctx.run("wait_for", Map.of("port", port, "timeout", 5)).status()).isEqualTo(Status.OK);
        }
        assertThat(ctx.run("wait_for", Map.of("port", port, "state", "stopped", "timeout", 5)).status()).isEqualTo(Status.OK);
        Outcome timedOut = ctx.run("wait_for", Map.of("port", port, "timeout", 1, "connect_timeout", 1));
        assertThat(timedOut.status()).isEqualTo(Status.FAILED);
        assertThat(timedOut.msg()).isEqualTo("timeout when waiting for 127.0.0.1:" + port + " to be started");
    }

    @Test
    void waitsForAFileToAppearWithMatchingText() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        Path log = tmp.resolve("app.log");
        CompletableFuture.runAsync(() -> {
            try {
                Files.writeString(log, "starting\n");
                TimeUnit.MILLISECONDS.sleep(1200);
                Files.writeString(log, "starting\nready on port 8443\n");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Outcome o = ctx.run("wait_for", Map.of("path", log.toString(), "search_regex", "ready on port (\\d+)", "timeout", 10));
        assertThat(o.status()).as(o.msg()).isEqualTo(Status.OK);
        assertThat(o.result()).containsEntry("match_groups", List.of("8443"));
        assertThat(ctx.run("wait_for", Map.of("path", tmp.resolve("gone").toString(), "state", "absent")).status()).isEqualTo(Status.OK);
        assertThat(ctx.checking().run("wait_for", Map.of("path", log.toString())).status()).isEqualTo(Status.SKIPPED);
    }
}
