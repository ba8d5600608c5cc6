package dev.unwind.module.http;

import com.sun.net.httpserver.HttpExchange;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.UndoKind;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UriModuleTest {
    @TempDir
    static java.nio.file.Path serverDir;
    static LocalHttpsServer server;
    @TempDir
    java.nio.file.Path tmp;
    TestContext ctx;

    @BeforeAll
    static void start() throws Exception {
        server = new LocalHttpsServer(serverDir, UriModuleTest::route);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void context() {
        server.received.clear();
        ctx = TestContext.in(tmp.resolve("ctx"));
    }

    private static void route(HttpExchange e) throws IOException {
        String path = e.getRequestURI().getPath();
        String auth = e.getRequestHeaders().getFirst("Authorization");
        switch (path) {
            case "/api/things" -> {
                if (e.getRequestMethod().equals("GET")) {
                    e.getResponseHeaders().set("X-Total", "2");
                    LocalHttpsServer.reply(e, 200, "application/json", "{\"items\":[\"a\",\"b\"]}");
                } else {
                    LocalHttpsServer.reply(e, 201, "application/json", "{\"created\":true}");
                }
            }
            case "/moved" -> {
                e.getResponseHeaders().set("Location", "/api/things");
                LocalHttpsServer.reply(e, 302, null, "");
            }
            case "/private" -> {
                String good = "Basic " + Base64.getEncoder().encodeToString("admin:s3cret-pw".getBytes(StandardCharsets.UTF_8));
                if (good.equals(auth)) {
                    LocalHttpsServer.reply(e, 200, "text/plain", "welcome");
                } else {
                    e.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"lab\"");
                    LocalHttpsServer.reply(e, 401, "text/plain", "who are you?");
                }
            }
            case "/slow" -> {
                try {
                    Thread.sleep(2500);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                LocalHttpsServer.reply(e, 200, "text/plain", "late");
            }
            default -> LocalHttpsServer.reply(e, 404, "text/plain", "no such thing");
        }
    }

    private Map<String, Object> trusted(Map<String, Object> more) {
        Map<String, Object> args = new java.util.LinkedHashMap<>(more);
        args.put("ca_path", server.caPem().toString());
        return args;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGetWithTheServersCaIsAReadThatReturnsStatusJsonAndHeaders() throws Exception {
        Outcome o = ctx.run("uri", trusted(Map.of("url", server.url("/api/things"), "return_content", true)));
        assertThat(o.status()).as(o.msg()).isEqualTo(Status.OK);
        assertThat(o.undo()).isNull();
        assertThat(o.result()).containsEntry("status", 200).containsEntry("url", server.url("/api/things"))
                .containsEntry("json", Map.of("items", List.of("a", "b")))
                .containsEntry("content", "{\"items\":[\"a\",\"b\"]}").containsEntry("redirected", false)
                .containsKey("elapsed");
        assertThat((Map<String, Object>) o.result().get("headers")).containsEntry("x-total", "2").containsEntry("content-type", "application/json");

        Outcome checked = ctx.checking().run("uri", trusted(Map.of("url", server.url("/api/things"))));
        assertThat(checked.status()).as("a read runs in check mode too").isEqualTo(Status.OK);
        assertThat(checked.result()).doesNotContainKey("content").containsKey("json");
        assertThat(server.received).hasSize(2);
    }

    @Test
    void certificatesAreCheckedUnlessValidateCertsIsFalse() throws Exception {
        Outcome untrusted = ctx.run("uri", Map.of("url", server.url("/api/things")));
        assertThat(untrusted.status()).isEqualTo(Status.FAILED);
        assertThat(untrusted.msg()).startsWith("Request failed: " + server.url("/api/things") + ": TLS handshake failed: ")
                .endsWith("(give ca_path the server's CA, or validate_certs: false)");
        assertThat(untrusted.result()).containsEntry("status", -1);

        Outcome unchecked = ctx.run("uri", Map.of("url", server.url("/api/things").replace("localhost", "127.0.0.1"),
                "validate_certs", false));
        assertThat(unchecked.status()).as(unchecked.msg()).isEqualTo(Status.OK);
        assertThat(server.received).as("the failed handshake sent no request").hasSize(1);
    }

    @Test
    void theCaFileDoesNotExcuseAWrongHostName() throws Exception {
        java.nio.file.Path otherCa = tmp.resolve("ctx/other.pem");
        try (LocalHttpsServer other = new LocalHttpsServer(tmp.resolve("ctx"), e -> LocalHttpsServer.reply(e, 200, null, ""))) {
            Outcome o = ctx.run("uri", Map.of("url", server.url("/api/things"), "ca_path", other.caPem().toString()));
            assertThat(o.status()).as("another server's certificate is not this one's CA").isEqualTo(Status.FAILED);
            assertThat(o.msg()).contains("TLS handshake failed");
        }
        assertThat(ctx.run("uri", Map.of("url", server.url("/x"), "ca_path", otherCa.toString())).msg())
                .contains("is not a file on the controller");
    }

    @Test
    void aPostIsAChangeCheckModePredictsItWithoutSendingAndJsonBodiesAreEncoded() throws Exception {
        Map<String, Object> args = trusted(Map.of("url", server.url("/api/things"), "method", "POST",
                "body", Map.of("name", "web", "replicas", 3), "body_format", "json", "status_code", List.of(200, 201)));
        Outcome predicted = ctx.checking().run("uri", args);
        assertThat(predicted.status()).isEqualTo(Status.CHANGED);
        assertThat(predicted.msg()).isEqualTo("would send POST " + server.url("/api/things"));
        assertThat(server.received).as("check mode sends no write").isEmpty();

        Outcome o = ctx.run("uri", args);
        assertThat(o.status()).as(o.msg()).isEqualTo(Status.CHANGED);
        assertThat(o.result()).containsEntry("status", 201).containsEntry("json", Map.of("created", true));
        assertThat(server.received).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.body()).contains("\"name\":\"web\"").contains("\"replicas\":3");
        });
    }

    @Test
    void formBodiesAndUnexpectedStatuses() throws Exception {
        Outcome o = ctx.run("uri", trusted(Map.of("url", server.url("/api/things"), "method", "PUT",
                "body", Map.of("a b", "c&d"), "body_format", "form-urlencoded")));
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.msg()).isEqualTo("Status code was 201 and not [200]: PUT " + server.url("/api/things"));
        assertThat(o.result()).containsEntry("status", 201);
        assertThat(server.received.get(0).body()).isEqualTo("a+b=c%26d");
        assertThat(server.received.get(0).contentType()).isEqualTo("application/x-www-form-urlencoded");

        assertThat(ctx.run("uri", trusted(Map.of("url", server.url("/nothing"), "status_code", "404"))).status()).isEqualTo(Status.OK);
        assertThat(ctx.run("uri", trusted(Map.of("url", server.url("/x"), "body", Map.of("a", 1)))).msg())
                .isEqualTo("body is a mapping or list: set body_format to json or form-urlencoded");
    }

    @Test
    void readsFollowRedirectsAndWritesDoNotBySafeDefault() throws Exception {
        Outcome get = ctx.run("uri", trusted(Map.of("url", server.url("/moved"))));
        assertThat(get.result()).containsEntry("status", 200).containsEntry("url", server.url("/api/things"))
                .containsEntry("redirected", true);
        Outcome post = ctx.run("uri", trusted(Map.of("url", server.url("/moved"), "method", "POST", "status_code", 302)));
        assertThat(post.result()).containsEntry("status", 302);
    }

    @Test
    void basicAuthenticationKeepsThePasswordSecret() throws Exception {
        Map<String, Object> creds = trusted(Map.of("url", server.url("/private"), "url_username", "admin",
                "url_password", "s3cret-pw", "return_content", true));
        Outcome challenged = ctx.run("uri", creds);
        assertThat(challenged.result()).containsEntry("status", 200).containsEntry("content", "welcome");
        assertThat(server.received.get(0).authorization()).as("without force, the first request goes bare").isNull();

        server.received.clear();
        Map<String, Object> forced = new java.util.LinkedHashMap<>(creds);
        forced.put("force_basic_auth", true);
        assertThat(ctx.run("uri", forced).result()).containsEntry("status", 200);
        assertThat(server.received).hasSize(1);

        Map<String, Object> wrong = new java.util.LinkedHashMap<>(forced);
        wrong.put("url", server.url("/private?token=s3cret-pw"));
        wrong.put("url_password", "s3cret-pw");
        wrong.put("url_username", "intruder");
        Outcome refused = ctx.run("uri", wrong);
        assertThat(refused.status()).isEqualTo(Status.FAILED);
        assertThat(refused.msg()).doesNotContain("s3cret-pw").contains("********");
        assertThat(ctx.catalog().find("uri").orElseThrow().spec().arg("url_password").orElseThrow().secret()).isTrue();
    }

    @Test
    void aSlowServerTimesOut() throws Exception {
        Outcome o = ctx.run("uri", trusted(Map.of("url", server.url("/slow"), "timeout", 1)));
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.msg()).isEqualTo("Request failed: " + server.url("/slow") + ": timed out after 1 s");
        assertThat(o.result()).containsEntry("status", -1);
    }

    @Test
    void aClosedPortSaysSo() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Outcome o = ctx.run("uri", Map.of("url", "http://127.0.0.1:" + port + "/", "timeout", 2));
        assertThat(o.msg()).isEqualTo("Request failed: http://127.0.0.1:" + port + "/: cannot connect (connection refused)");
    }

    @Test
    void readsNeedNoUndoWritesAndUnknownMethodsDo() {
        Module uri = ModuleCatalog.builtIn().find("uri").orElseThrow();
        assertThat(uri.undoKind(Map.of("url", "https://x"))).isEqualTo(UndoKind.READ_ONLY);
        assertThat(uri.undoKind(Map.of("url", "https://x", "method", "head"))).isEqualTo(UndoKind.READ_ONLY);
        assertThat(uri.undoKind(Map.of("url", "https://x", "method", "DELETE"))).isEqualTo(UndoKind.EXPLICIT);
        assertThat(uri.undoKind(Map.of("url", "https://x", "method", "${verb}"))).isEqualTo(UndoKind.EXPLICIT);
    }
}
