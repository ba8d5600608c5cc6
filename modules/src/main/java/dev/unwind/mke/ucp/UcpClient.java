package dev.unwind.mke.ucp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unwind.mke.ucp.UcpModel.Account;
import dev.unwind.mke.ucp.UcpModel.Grant;
import dev.unwind.mke.ucp.UcpModel.Member;
import dev.unwind.mke.ucp.UcpModel.Role;
import dev.unwind.mke.ucp.UcpModel.Snapshot;
import dev.unwind.mke.ucp.UcpModel.Team;
import dev.unwind.mke.ucp.UcpModel.TeamMembers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A logged-in session with the UCP API of an MKE 3 cluster. Read-only: nothing here changes the cluster.
 */
public final class UcpClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UcpEndpoint endpoint;
    private final HttpClient http;
    private final String token;

    private UcpClient(UcpEndpoint endpoint, HttpClient http, String token) {
        this.endpoint = endpoint;
        this.http = http;
        this.token = token;
    }

    /** Logs in ({@code POST /auth/login}). A 401 means the credentials were refused. */
    public static UcpClient login(UcpEndpoint endpoint, UcpCredentials credentials) {
        HttpClient http = HttpClient.newBuilder().sslContext(UcpTls.context(endpoint)).connectTimeout(endpoint.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("username", credentials.username(), "password", credentials.password()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest req = HttpRequest.newBuilder(endpoint.url().resolve("/auth/login")).timeout(endpoint.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> res = send(endpoint, http, req, "POST /auth/login");
        if (res.statusCode() == 401 || res.statusCode() == 403) {
            throw new UcpException(res.statusCode(), "MKE 3 refused the login of '" + credentials.username()
                    + "' at " + endpoint.url() + " (HTTP " + res.statusCode() + "): check the admin user name and password");
        }
        requireOk(res, "POST /auth/login");
        String token = parse(res.body(), "POST /auth/login").path("auth_token").asText("");
        if (token.isEmpty()) {
            throw new UcpException(res.statusCode(), "POST /auth/login answered without an auth_token");
        }
        return new UcpClient(endpoint, http, token);
    }

    /** {@code GET /api/ucp/config-toml}: the cluster's configuration as TOML text. */
    public String configToml() {
        return get("/api/ucp/config-toml", "application/toml").body();
    }

    public List<Account> users() {
        return paged("/accounts?filter=users", "accounts", UcpClient::account);
    }

    public List<Account> orgs() {
        return paged("/accounts?filter=orgs", "accounts", UcpClient::account);
    }

    public List<Team> teams(String org) {
        return paged("/accounts/" + enc(org) + "/teams", "teams", n -> new Team(org, n.path("id").asText(""),
                n.path("name").asText(""), n.path("description").asText("")));
    }

    public List<Member> members(String org, String team) {
        return paged("/accounts/" + enc(org) + "/teams/" + enc(team) + "/members", "members", n -> {
            JsonNode m = n.path("member");
            return new Member(m.path("id").asText(""), m.path("name").asText(""), n.path("isAdmin").asBoolean(false));
        });
    }

    /** {@code GET /roles}: a JSON array. */
    public List<Role> roles() {
        JsonNode arr = parse(get("/roles", "application/json").body(), "GET /roles");
        List<Role> out = new ArrayList<>();
        for (JsonNode n : arr) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ops = n.has("operations") ? JSON.convertValue(n.get("operations"), Map.class) : Map.of();
            out.add(new Role(n.path("id").asText(""), n.path("name").asText(""), n.path("system_role").asBoolean(false), ops));
        }
        return out;
    }

    public List<Grant> grants() {
        return paged("/collectionGrants?subjectType=all&expandUser=false&showPaths=false", "grants",
                n -> new Grant(n.path("subjectID").asText(""), n.path("objectID").asText(""), n.path("roleID").asText("")));
    }

    /** {@code GET /enzi/v0/config/auth/ldap}: may hold the bind password. */
    public Map<String, Object> ldapSettings() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = JSON.convertValue(parse(get("/enzi/v0/config/auth/ldap", "application/json").body(),
                "GET /enzi/v0/config/auth/ldap"), LinkedHashMap.class);
        return m;
    }

    /** Everything the upgrade needs, read in one go. */
    public Snapshot snapshot() {
        List<Account> orgs = orgs();
        List<TeamMembers> teams = new ArrayList<>();
        for (Account org : orgs) {
            for (Team t : teams(org.name())) {
                teams.add(new TeamMembers(t, members(org.name(), t.name())));
            }
        }
        return new Snapshot(configToml(), users(), orgs, teams, roles(), grants(), ldapSettings());
    }

    private static Account account(JsonNode n) {
        return new Account(n.path("id").asText(""), n.path("name").asText(""), n.path("fullName").asText(""),
                n.path("isOrg").asBoolean(false), n.path("isAdmin").asBoolean(false), n.path("isActive").asBoolean(true));
    }

    /** Follows {@code nextPageStart} (the body's field, else the X-Next-Page-Start header) until it is empty. */
    private <T> List<T> paged(String path, String field, Function<JsonNode, T> item) {
        List<T> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String start = "";
        while (true) {
            String sep = path.contains("?") ? "&" : "?";
            String url = path + sep + "limit=" + endpoint.pageSize() + (start.isEmpty() ? "" : "&start=" + enc(start));
            HttpResponse<String> res = get(url, "application/json");
            JsonNode body = parse(res.body(), "GET " + path);
            for (JsonNode n : body.path(field)) {
                out.add(item.apply(n));
            }
            String next = body.path("nextPageStart").asText(res.headers().firstValue("X-Next-Page-Start").orElse(""));
            if (next.isEmpty()) {
                return out;
            }
            if (!seen.add(next)) {
                throw new UcpException(res.statusCode(), "GET " + path + " returned the page marker '" + next + "' twice");
            }
            start = next;
        }
    }

    private HttpResponse<String> get(String path, String accept) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint.url() + path)).timeout(endpoint.timeout())
                .header("Accept", accept).header("Authorization", "Bearer " + token).GET().build();
        String what = "GET " + path.replaceAll("\\?.*", "");
        HttpResponse<String> res = send(endpoint, http, req, what);
        if (res.statusCode() == 401) {
            throw new UcpException(401, what + " was refused (HTTP 401): the session token expired or the user is not an admin");
        }
        requireOk(res, what);
        return res;
    }

    private static HttpResponse<String> send(UcpEndpoint endpoint, HttpClient http, HttpRequest req, String what) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new UcpException(0, what + ": could not connect to " + endpoint.url() + " within " + endpoint.timeout().toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw new UcpException(0, what + ": no answer from " + endpoint.url() + " within " + endpoint.timeout().toSeconds() + " s");
        } catch (javax.net.ssl.SSLException e) {
            throw new UcpException(0, what + ": TLS with " + endpoint.url() + " failed (" + e.getMessage()
                    + "); give the MKE 3 CA with --mke3-ca-file, or --insecure");
        } catch (IOException e) {
            throw new UcpException(0, what + ": cannot reach " + endpoint.url() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UcpException(0, what + ": interrupted");
        }
    }

    private static void requireOk(HttpResponse<String> res, String what) {
        if (res.statusCode() / 100 != 2) {
            String body = res.body() == null ? "" : res.body().strip();
            throw new UcpException(res.statusCode(), what + " failed with HTTP " + res.statusCode()
                    + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body)));
        }
    }

    private static JsonNode parse(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UcpException(200, what + " did not answer JSON: " + e.getOriginalMessage());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "UcpClient[" + endpoint.url() + "]";
    }
}
