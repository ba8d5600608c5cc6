package dev.unwind.module.fetching;

import com.sun.net.httpserver.HttpServer;
import dev.unwind.module.ContentDigest;
import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.ChangeCycle;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class GetUrlModuleTest {
    @TempDir
    Path tmp;
    TestContext ctx;
    Path area;
    HttpServer server;
    final Map<String, byte[]> served = new ConcurrentHashMap<>();
    final List<String> seenHeaders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestContext.in(tmp);
        area = Files.createDirectories(tmp.resolve("host"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String token = ex.getRequestHeaders().getFirst("X-Token");
            if (token != null) {
                seenHeaders.add(token);
            }
            byte[] body = served.get(ex.getRequestURI().getPath());
            ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
        served.put("/app.tar.gz", "the release\n".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("url", url("/app.tar.gz"));
        m.put("dest", area.resolve("app.tar.gz").toString());
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static String sha256(String s) {
        return ContentDigest.of(s.getBytes(StandardCharsets.UTF_8)).sha256();
    }

    @Test
    void downloadsOnTheHostWithItsChecksumVerifiedAndTheUndoRemovesIt() throws Exception {
        Outcome real = ChangeCycle.verify(ctx, area, "get_url", args("checksum", "sha256:" + sha256("the release\n"), "mode", "0640",
                "headers", Map.of("X-Token", "t1")));
        assertThat(real.result()).containsEntry("status_code", 200).containsEntry("msg", "OK (12 bytes)")
                .containsEntry("mode", "0640");
        assertThat(seenHeaders).contains("t1");
    }

    @Test
    void anExistingFileIsKeptUnlessForcedAndThenReplacedAndPutBack() throws Exception {
        Files.writeString(area.resolve("app.tar.gz"), "an older release\n");
        Outcome kept = ctx.run("get_url", args());
        assertThat(kept.status()).isEqualTo(Status.OK);
        assertThat(kept.result()).containsEntry("msg", "file already exists");
        ChangeCycle.verify(ctx, area, "get_url", args("force", true));
        ChangeCycle.verify(ctx, area, "get_url", args("checksum", "sha256:" + sha256("the release\n")));
    }

    @Test
    void aForcedDownloadOfTheSameContentIsOk() throws Exception {
        Files.writeString(area.resolve("app.tar.gz"), "the release\n");
        assertThat(ctx.checking().run("get_url", args("force", true)).status()).isEqualTo(Status.OK);
        assertThat(ctx.run("get_url", args("force", true)).status()).isEqualTo(Status.OK);
    }

    @Test
    void aWrongChecksumOrAnHttpErrorFailsAndLeavesNothing() throws Exception {
        for (TestContext c : List.of(ctx.checking(), ctx)) {
            Outcome wrong = c.run("get_url", args("checksum", "sha256:" + sha256("something else")));
            assertThat(wrong.status()).isEqualTo(Status.FAILED);
            assertThat(wrong.msg()).contains("did not match").contains(sha256("the release\n"));
            Outcome missing = c.run("get_url", args("url", url("/nothing")));
            assertThat(missing.status()).isEqualTo(Status.FAILED);
            assertThat(missing.msg()).startsWith("Request failed: HTTP Error 404");
        }
        try (var files = Files.list(area)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDirectoryReceivesTheUrlsFileName() throws Exception {
        Outcome real = ChangeCycle.verify(ctx, area, "get_url", args("dest", area.toString()));
        assertThat(real.result()).containsEntry("dest", area.resolve("app.tar.gz").toString());
    }
}
