package dev.unwind.lab.ucp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.unwind.lab.ucp.UcpCluster.Org;
import dev.unwind.lab.ucp.UcpCluster.Team;
import dev.unwind.lab.ucp.UcpCluster.User;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The UCP/eNZi API of a simulated MKE 3 cluster, over HTTPS on 127.0.0.1. Behaves as the real one for
 * what the upgrade reads: bearer tokens from {@code POST /auth/login}, admin-only reads, {@code limit}
 * / {@code start} pagination answered with {@code nextPageStart} (and the {@code X-Next-Page-Start}
 * header), and the configuration only as {@code application/toml}.
 */
public final class FakeUcpServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 1000;

    private final UcpCluster cluster;
    private final SelfSignedCertificate certificate;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Fault>> scheduled = new ConcurrentHashMap<>();
    private final UcpInstallation installation;
    private final SecureRandom random = new SecureRandom();

    private FakeUcpServer(UcpCluster cluster, SelfSignedCertificate certificate, HttpsServer server, ExecutorService executor,
                          UcpInstallation installation) {
        this.cluster = cluster;
        this.installation = installation;
        this.certificate = certificate;
        this.server = server;
        this.executor = executor;
    }

    /** Starts on 127.0.0.1 on a free port; {@code workDir} receives the certificate files. */
    public static FakeUcpServer start(UcpCluster cluster, Path workDir) throws IOException {
        return start(cluster, workDir, new InetSocketAddress("127.0.0.1", 0), UcpInstallation.always(cluster));
    }

    /**
     * Starts on {@code address} (its IP goes into the certificate). While {@code installation} says MKE 3 is
     * not running, a request gets no answer: the connection is closed, as when nothing listens there.
     */
    public static FakeUcpServer start(UcpCluster cluster, Path workDir, InetSocketAddress address, UcpInstallation installation)
            throws IOException {
        return start(cluster, workDir, address, installation, address.getAddress().getHostAddress());
    }

    /**
     * As {@link #start(UcpCluster, Path, InetSocketAddress, UcpInstallation)}, with the certificate made for
     * {@code certificateIp} (as well as 127.0.0.1): for a server reached through a relay at that address.
     */
    public static FakeUcpServer start(UcpCluster cluster, Path workDir, InetSocketAddress address, UcpInstallation installation,
                                      String certificateIp) throws IOException {
        SelfSignedCertificate cert = SelfSignedCertificate.create(workDir, certificateIp);
        HttpsServer server = HttpsServer.create(address, 0);
        server.setHttpsConfigurator(new HttpsConfigurator(cert.sslContext()));
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-ucp");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        FakeUcpServer fake = new FakeUcpServer(cluster, cert, server, executor, installation);
        server.createContext("/", fake::handle);
        server.start();
        return fake;
    }

    public URI url() {
        int port = server.getAddress().getPort();
        return URI.create("https://" + server.getAddress().getAddress().getHostAddress() + (port == 443 ? "" : ":" + port));
    }

    /** The PEM certificate that verifies this server. */
    public Path caFile() {
        return certificate.caFile();
    }

    /** The next request to {@code path} (no query) meets this fault. */
    public void inject(String path, Fault fault) {
        faults.computeIfAbsent(path, k -> new ArrayDeque<>()).add(fault);
    }

    /** The {@code call}-th request to {@code path} (counted from the server's start, from 1) meets this fault. */
    public void injectAt(String path, int call, Fault fault) {
        scheduled.computeIfAbsent(path, k -> new ConcurrentHashMap<>()).put(call, fault);
    }

    /** How many requests reached {@code path}. */
    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!installation.answering()) {
                return; // closed without an answer: MKE 3 is stopped or gone
            }
            String path = ex.getRequestURI().getPath();
            int call = hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            Deque<Fault> queue = faults.get(path);
            Fault fault = queue == null ? null : queue.poll();
            Map<Integer, Fault> atCall = scheduled.get(path);
            if (fault == null && atCall != null) {
                fault = atCall.remove(call);
            }
            if (fault instanceof Fault.Stall s) {
                try {
                    Thread.sleep(s.duration().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else if (fault instanceof Fault.Status s) {
                error(ex, s.code(), "INJECTED", "fault injected by the lab");
                return;
            }
            route(ex, path);
        } catch (RuntimeException e) {
            error(ex, 500, "INTERNAL_ERROR", "the fake UCP failed: " + e.getMessage());
        }
    }

    private void route(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod();
        if (path.equals("/_ping") && method.equals("GET")) {
            send(ex, 200, "text/plain", "OK");
            return;
        }
        if (path.equals("/auth/login") && method.equals("POST")) {
            login(ex);
            return;
        }
        User user = authenticated(ex);
        if (user == null) {
            error(ex, 401, "UNAUTHORIZED", "missing or invalid bearer token");
            return;
        }
        if (!method.equals("GET")) {
            error(ex, 405, "METHOD_NOT_ALLOWED", method + " is not served by the lab");
            return;
        }
        if (!user.admin()) {
            error(ex, 403, "FORBIDDEN", "only an admin may read " + path);
            return;
        }
        Map<String, String> query = query(ex.getRequestURI());
        String[] parts = path.replaceFirst("^/enzi/v0(?=/accounts)", "").split("/");
        if (path.equals("/api/ucp/config-toml")) {
            configToml(ex);
        } else if (path.equals("/roles")) {
            json(ex, 200, cluster.roles().stream().map(r -> ordered("id", r.id(), "name", r.name(),
                    "system_role", r.systemRole(), "operations", r.operations())).toList());
        } else if (path.equals("/collectionGrants")) {
            List<Object> grants = cluster.grants().stream().map(g -> (Object) ordered("subjectID", g.subjectID(),
                    "objectID", g.objectID(), "roleID", g.roleID())).toList();
            pageByIndex(ex, query, "grants", grants);
        } else if (path.equals("/enzi/v0/config/auth/ldap")) {
            json(ex, 200, cluster.ldap());
        } else if (parts.length == 2 && parts[1].equals("accounts")) {
            accounts(ex, query);
        } else if (parts.length == 4 && parts[1].equals("accounts") && parts[3].equals("teams")) {
            Org org = org(parts[2]);
            if (org == null) {
                error(ex, 404, "NO_SUCH_ACCOUNT", "no organization " + parts[2]);
                return;
            }
            pageByName(ex, query, "teams", org.teams(), Team::name, t -> ordered("orgID", org.id(), "id", t.id(),
                    "name", t.name(), "description", t.description(), "membersCount", t.members().size()));
        } else if (parts.length == 6 && parts[1].equals("accounts") && parts[3].equals("teams") && parts[5].equals("members")) {
            Org org = org(parts[2]);
            Team team = org == null ? null : org.teams().stream().filter(t -> t.name().equals(parts[4])).findFirst().orElse(null);
            if (team == null) {
                error(ex, 404, "NO_SUCH_TEAM", "no team " + parts[2] + "/" + parts[4]);
                return;
            }
            List<User> members = cluster.users().stream().filter(u -> team.members().contains(u.name())).toList();
            pageByName(ex, query, "members", members, User::name,
                    u -> ordered("member", account(u), "isAdmin", false));
        } else {
            error(ex, 404, "NOT_FOUND", "the lab does not serve " + path);
        }
    }

    private void login(HttpExchange ex) throws IOException {
        JsonNode body;
        try {
            body = JSON.readTree(ex.getRequestBody());
        } catch (IOException e) {
            error(ex, 400, "INVALID_JSON", "the body is not JSON");
            return;
        }
        String name = body == null ? "" : body.path("username").asText("");
        String password = body == null ? "" : body.path("password").asText("");
        User user = cluster.users().stream().filter(u -> u.name().equals(name) && u.password().equals(password))
                .findFirst().orElse(null);
        if (user == null) {
            error(ex, 401, "INVALID_CREDENTIALS", "invalid username or password");
            return;
        }
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        tokens.put(token, user.name());
        json(ex, 200, ordered("auth_token", token, "token_id", "tok-" + tokens.size(), "user_agent", "unwind"));
    }

    private User authenticated(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return null;
        }
        String name = tokens.get(auth.substring("Bearer ".length()).strip());
        return name == null ? null : cluster.users().stream().filter(u -> u.name().equals(name)).findFirst().orElse(null);
    }

    private void configToml(HttpExchange ex) throws IOException {
        String accept = ex.getRequestHeaders().getFirst("Accept");
        if (accept != null && !accept.contains("application/toml") && !accept.contains("*/*")) {
            error(ex, 406, "NOT_ACCEPTABLE", "the configuration is served as application/toml only");
            return;
        }
        send(ex, 200, "application/toml", installation.configToml());
    }

    private void accounts(HttpExchange ex, Map<String, String> query) throws IOException {
        String filter = query.getOrDefault("filter", "all");
        List<Object> accounts = new ArrayList<>();
        switch (filter) {
            case "users" -> cluster.users().forEach(u -> accounts.add(u));
            case "orgs" -> accounts.addAll(cluster.orgs());
            case "admins" -> cluster.users().stream().filter(User::admin).forEach(accounts::add);
            case "non-admins" -> cluster.users().stream().filter(u -> !u.admin()).forEach(accounts::add);
            case "all" -> {
                accounts.addAll(cluster.users());
                accounts.addAll(cluster.orgs());
            }
            default -> {
                error(ex, 400, "INVALID_FILTER", "filter must be users, orgs, admins, non-admins or all");
                return;
            }
        }
        pageByName(ex, query, "accounts", accounts, a -> a instanceof User u ? u.name() : ((Org) a).name(),
                a -> a instanceof User u ? account(u) : orgAccount((Org) a));
    }

    private static Map<String, Object> account(User u) {
        return ordered("name", u.name(), "id", u.id(), "fullName", u.fullName(), "isOrg", false, "isAdmin", u.admin(),
                "isActive", true, "isImported", false);
    }

    private static Map<String, Object> orgAccount(Org o) {
        return ordered("name", o.name(), "id", o.id(), "fullName", "", "isOrg", true, "teamsCount", o.teams().size());
    }

    private Org org(String name) {
        return cluster.orgs().stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
    }

    /** eNZi pages by name: {@code start} is the name of the first item of the page. */
    private <T> void pageByName(HttpExchange ex, Map<String, String> query, String field, List<T> items,
                                Function<T, String> name, Function<T, Object> render) throws IOException {
        Integer limit = limit(ex, query);
        if (limit == null) {
            return;
        }
        List<T> sorted = items.stream().sorted(Comparator.comparing(name)).toList();
        String start = query.getOrDefault("start", "");
        int from = 0;
        while (from < sorted.size() && name.apply(sorted.get(from)).compareTo(start) < 0) {
            from++;
        }
        int to = Math.min(sorted.size(), from + limit);
        String next = to < sorted.size() ? name.apply(sorted.get(to)) : "";
        List<Object> page = sorted.subList(from, to).stream().map(render).toList();
        paged(ex, field, page, next);
    }

    private void pageByIndex(HttpExchange ex, Map<String, String> query, String field, List<Object> items) throws IOException {
        Integer limit = limit(ex, query);
        if (limit == null) {
            return;
        }
        int from;
        try {
            from = Integer.parseInt(query.getOrDefault("start", "0"));
        } catch (NumberFormatException e) {
            error(ex, 400, "INVALID_START", "start must be a page marker returned as nextPageStart");
            return;
        }
        int to = Math.min(items.size(), from + limit);
        paged(ex, field, items.subList(Math.min(from, items.size()), to), to < items.size() ? String.valueOf(to) : "");
    }

    private void paged(HttpExchange ex, String field, List<Object> page, String next) throws IOException {
        if (!next.isEmpty()) {
            ex.getResponseHeaders().add("X-Next-Page-Start", next);
        }
        json(ex, 200, ordered(field, page, "nextPageStart", next, "resourceCount", page.size()));
    }

    private static Integer limit(HttpExchange ex, Map<String, String> query) throws IOException {
        try {
            int limit = Integer.parseInt(query.getOrDefault("limit", String.valueOf(DEFAULT_LIMIT)));
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        error(ex, 400, "INVALID_LIMIT", "limit must be between 1 and " + MAX_LIMIT);
        return null;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        json(ex, status, Map.of("errors", List.of(ordered("code", code, "message", message))));
    }

    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json", JSON.writeValueAsString(body));
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }
}
