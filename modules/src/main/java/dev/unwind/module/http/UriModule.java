package dev.unwind.module.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;

import dev.unwind.tls.TlsTrust;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code uri}: an HTTP request from the controller. GET, HEAD and OPTIONS are reads: they report ok, run even
 * in check mode, and need no undo. Any other method reports changed (unlike Ansible, whose uri always says
 * ok) so that the task's own {@code undo:} is journaled; check mode predicts that change without sending.
 */
public final class UriModule implements Module {
    static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** Made on first use: every run builds the module catalog, few call uri, and a mapper costs start-up time. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final ModuleSpec SPEC = ModuleSpec.of("uri",
                    "Calls a URL from the controller and checks the status. Reads (GET, HEAD, OPTIONS) need no undo; "
                            + "a task with another method must give undo: or undo: none.",
                    UndoKind.EXPLICIT,
                    ArgSpec.required("url", ArgType.STR, "http or https URL"),
                    ArgSpec.optional("method", ArgType.STR, "GET", "HTTP method"),
                    ArgSpec.optional("headers", ArgType.DICT, null, "request headers"),
                    ArgSpec.optional("body", ArgType.RAW, null, "request body: text, or a mapping/list with body_format json"),
                    ArgSpec.optional("body_format", ArgType.STR, "raw", "how to encode body").choices("raw", "json", "form-urlencoded"),
                    ArgSpec.optional("status_code", ArgType.RAW, 200, "the status (or list of statuses) that means success"),
                    ArgSpec.optional("return_content", ArgType.BOOL, false, "put the body in 'content'"),
                    ArgSpec.optional("validate_certs", ArgType.BOOL, true, "verify the server's certificate and name"),
                    ArgSpec.optional("ca_path", ArgType.STR, null, "PEM file of the CA certificates to trust (instead of the JDK's)"),
                    ArgSpec.optional("timeout", ArgType.INT, 30, "seconds for the whole request"),
                    ArgSpec.optional("follow_redirects", ArgType.STR, "safe", "safe: only for reads").choices("none", "safe", "all"),
                    ArgSpec.optional("url_username", ArgType.STR, null, "user for HTTP basic authentication").aliases("user"),
                    ArgSpec.optional("url_password", ArgType.STR, null, "password for HTTP basic authentication")
                            .aliases("password").asSecret(),
                    ArgSpec.optional("force_basic_auth", ArgType.BOOL, false, "send credentials without waiting for a 401"))
            .returns(Map.of("status", "HTTP status (-1 when no response came)", "content", "the body, with return_content",
                    "json", "the body parsed, when the response is JSON", "headers", "response headers, names in lower case",
                    "url", "the final URL after redirects", "elapsed", "seconds the request took", "redirected", "whether it was redirected"))
            .checkMode("reads run for real (they change nothing); other methods are predicted as changed and not sent");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    /** Reads need no undo; a method still to be rendered might be a write. */
    @Override
    public UndoKind undoKind(Map<String, Object> args) {
        Object method = new Args(SPEC, args).raw("method");
        String m = String.valueOf(method);
        return !m.contains("${") && READS.contains(m.toUpperCase(Locale.ROOT)) ? UndoKind.READ_ONLY : UndoKind.EXPLICIT;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) {
        String method = args.str("method").toUpperCase(Locale.ROOT);
        boolean read = READS.contains(method);
        String url = args.str("url");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Outcome.failed("url is not a URL: " + e.getMessage());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            return Outcome.failed("url must start with http:// or https://, got " + url);
        }
        List<Integer> expected;
        RequestBody body;
        try {
            expected = statusCodes(args);
            body = RequestBody.encode(args.raw("body"), args.str("body_format"));
        } catch (IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
        if (args.has("url_password")) {
            ctx.secrets().add(args.str("url_password"));
        }
        if (ctx.check() && !read) {
            return Outcome.changed("would send " + method + " " + url, Map.of("url", url), null, null);
        }
        HttpClient client;
        try {
            client = client(args, ctx, read);
        } catch (GeneralSecurityException | IOException e) {
            return Outcome.failed("cannot set up TLS for " + url + ": " + e.getMessage());
        }
        HttpRequest request = request(args, uri, method, body);
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return noResponse(url, "timed out after " + args.integer("timeout") + " s", start);
        } catch (SSLHandshakeException e) {
            return noResponse(url, "TLS handshake failed: " + rootMessage(e)
                    + (args.bool("validate_certs") ? " (give ca_path the server's CA, or validate_certs: false)" : ""), start);
        } catch (IOException e) {
            return noResponse(url, rootMessage(e), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return noResponse(url, "interrupted", start);
        }
        Map<String, Object> r = result(args, response, start);
        int status = response.statusCode();
        String msg = "status " + status + " (" + response.body().length + " bytes)";
        if (!expected.contains(status)) {
            return Outcome.failed(ctx.secrets().redact("Status code was " + status + " and not " + expected + ": " + method + " " + url), r);
        }
        return read ? Outcome.ok(msg, r) : Outcome.changed(method + " " + url + ": " + msg, r, null, null);
    }

    private static List<Integer> statusCodes(Args args) {
        List<Integer> codes = new ArrayList<>();
        for (String s : args.list("status_code")) {
            try {
                codes.add(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("status_code must be a number or a list of numbers, got '" + s + "'");
            }
        }
        return codes;
    }

    private HttpClient client(Args args, ModuleContext ctx, boolean read) throws GeneralSecurityException, IOException {
        SSLContext tls;
        if (!args.bool("validate_certs")) {
            tls = TlsTrust.unchecked();
        } else if (args.has("ca_path")) {
            Path ca = ctx.localFile(args.str("ca_path"));
            if (!Files.isRegularFile(ca)) {
                throw new IOException("ca_path " + ca + " is not a file on the controller");
            }
            tls = TlsTrust.fromCaFile(ca);
        } else {
            tls = TlsTrust.systemDefault();
        }
        HttpClient.Redirect redirect = switch (args.str("follow_redirects")) {
            case "none" -> HttpClient.Redirect.NEVER;
            case "all" -> HttpClient.Redirect.NORMAL;
            default -> read ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER;
        };
        HttpClient.Builder b = HttpClient.newBuilder().sslContext(tls).followRedirects(redirect)
                .connectTimeout(Duration.ofSeconds(args.integer("timeout")));
        if (args.has("url_username") && !args.bool("force_basic_auth")) {
            String user = args.str("url_username");
            char[] password = args.str("url_password", "").toCharArray();
            b.authenticator(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            });
        }
        return b.build();
    }

    private static HttpRequest request(Args args, URI uri, String method, RequestBody body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(args.integer("timeout")))
                .method(method, body.bytes() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        Map<String, Object> headers = args.dict("headers");
        boolean typed = headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Content-Type"));
        headers.forEach((k, v) -> b.header(k, String.valueOf(v)));
        if (body.contentType() != null && !typed) {
            b.header("Content-Type", body.contentType());
        }
        if (args.has("url_username") && args.bool("force_basic_auth")) {
            String pair = args.str("url_username") + ":" + args.str("url_password", "");
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return b.build();
    }

    private static Map<String, Object> result(Args args, HttpResponse<byte[]> response, long start) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("status", response.statusCode());
        r.put("url", response.uri().toString());
        r.put("redirected", !response.uri().equals(response.request().uri()) || response.previousResponse().isPresent());
        r.put("elapsed", (System.nanoTime() - start) / 1_000_000_000L);
        Map<String, Object> headers = new TreeMap<>();
        response.headers().map().forEach((k, v) -> {
            if (!k.startsWith(":")) {
                headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v));
            }
        });
        r.put("headers", headers);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        String type = response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!text.isEmpty() && (type.contains("/json") || type.contains("+json"))) {
            try {
                r.put("json", Json.MAPPER.readValue(text, Object.class));
            } catch (JsonProcessingException e) {
                // a server that calls invalid JSON "json": the body is still in content with return_content
            }
        }
        if (args.bool("return_content")) {
            r.put("content", text);
        }
        return r;
    }

    private static Outcome noResponse(String url, String why, long start) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("status", -1);
        r.put("url", url);
        r.put("elapsed", (System.nanoTime() - start) / 1_000_000_000L);
        return Outcome.failed("Request failed: " + url + ": " + why, r);
    }

    /** The first message along the cause chain; a refused connection (whose JDK exception has none) says so. */
    private static String rootMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "cannot connect" + (t.getMessage() == null ? " (connection refused)" : ": " + t.getMessage());
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
