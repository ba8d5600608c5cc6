package dev.unwind.lab.ucp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unwind.mke.ucp.UcpClient;
import dev.unwind.mke.ucp.UcpCredentials;
import dev.unwind.mke.ucp.UcpEndpoint;
import dev.unwind.mke.ucp.UcpException;
import dev.unwind.mke.ucp.UcpModel.Account;
import dev.unwind.mke.ucp.UcpModel.Grant;
import dev.unwind.mke.ucp.UcpModel.Snapshot;
import dev.unwind.mke.ucp.UcpModel.TeamMembers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UcpClientAgainstFakeServerTest {
    private static final String ADMIN_PASSWORD = "orange-Battery-42";
    private static final UcpCredentials ADMIN = new UcpCredentials("admin", ADMIN_PASSWORD);

    @TempDir
    static Path dir;

    static FakeUcpServer server;
    static String toml;

    @BeforeAll
    static void start() throws Exception {
        toml = Files.readString(Path.of("src/test/resources/ucp-config.toml"));
        UcpCluster cluster = UcpCluster.sample(toml, ADMIN_PASSWORD);
        server = FakeUcpServer.start(new UcpCluster(toml, cluster.users(), cluster.orgs(), cluster.roles(), cluster.grants(),
                Map.of("serverURL", "ldaps://ldap.example.com:636", "readerDN", "cn=reader,dc=example,dc=com",
                        "readerPassword", "ldap-bind-secret")), dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static UcpEndpoint verified() {
        return UcpEndpoint.withCa(server.url(), server.caFile());
    }

    @Test
    void readsTheWholeClusterOverVerifiedHttpsFollowingEveryPage() {
        int before = server.hits("/accounts");
        Snapshot s = UcpClient.login(verified().withPageSize(2), ADMIN).snapshot();

        assertThat(s.configToml()).isEqualTo(toml);
        assertThat(s.users()).extracting(Account::name).containsExactly("admin", "alice", "bob", "carol");
        assertThat(s.users().get(0).isAdmin()).isTrue();
        assertThat(s.orgs()).extracting(Account::name).containsExactly("engineering", "finance");
        assertThat(s.orgs()).allMatch(Account::isOrg);
        assertThat(s.teams()).extracting(t -> t.team().org() + "/" + t.team().name())
                .containsExactly("engineering/development", "engineering/operations");
        TeamMembers dev = s.teams().get(0);
        assertThat(dev.members()).extracting(m -> m.name()).containsExactly("alice", "bob");
        assertThat(s.roles()).extracting(r -> r.id()).contains("viewonly", "fullcontrol", "r-swarm-deployer");
        assertThat(s.grants()).hasSize(5).contains(new Grant("t-dev", "kubernetesnamespaces/dev", "restrictedcontrol"));
        assertThat(s.ldap()).containsEntry("serverURL", "ldaps://ldap.example.com:636");
        // 4 users in pages of 2 = 2 requests, plus 1 for the 2 orgs
        assertThat(server.hits("/accounts") - before).isEqualTo(3);
        assertThat(s.toString()).doesNotContain("ldap-bind-secret");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> UcpClient.login(verified(), new UcpCredentials("admin", "not-the-password")))
                .isInstanceOf(UcpException.class)
                .hasMessageContaining("MKE 3 refused the login of 'admin'")
                .hasMessageNotContaining("not-the-password")
                .satisfies(e -> assertThat(((UcpException) e).status()).isEqualTo(401));
        assertThat(ADMIN.toString()).doesNotContain(ADMIN_PASSWORD);
    }

    @Test
    void aServerNotSignedByTheGivenCaIsRefusedUnlessInsecureIsAskedFor() throws Exception {
        Path otherCa = SelfSignedCertificate.create(Files.createDirectories(dir.resolve("other"))).caFile();
        assertThatThrownBy(() -> UcpClient.login(UcpEndpoint.withCa(server.url(), otherCa), ADMIN))
                .isInstanceOf(UcpException.class).hasMessageContaining("TLS with").hasMessageContaining("--mke3-ca-file");

        URI byName = URI.create("https://localhost:" + server.url().getPort());
        assertThat(UcpClient.login(UcpEndpoint.insecure(byName), ADMIN).configToml()).isEqualTo(toml);
    }

    @Test
    void aServerErrorIsReportedWithItsStatus() {
        UcpClient client = UcpClient.login(verified(), ADMIN);
        server.inject("/roles", new Fault.Status(500));
        assertThatThrownBy(client::roles).isInstanceOf(UcpException.class)
                .hasMessageStartingWith("GET /roles failed with HTTP 500")
                .satisfies(e -> assertThat(((UcpException) e).status()).isEqualTo(500));
        assertThat(client.roles()).isNotEmpty();
    }

    @Test
    void aStalledAnswerTimesOut() {
        UcpClient client = UcpClient.login(verified().withTimeout(Duration.ofMillis(700)), ADMIN);
        server.inject("/api/ucp/config-toml", new Fault.Stall(Duration.ofSeconds(3)));
        assertThatThrownBy(client::configToml).isInstanceOf(UcpException.class)
                .hasMessageContaining("GET /api/ucp/config-toml: no answer from " + server.url());
    }

    @Test
    void anExpiredTokenIsA401() {
        UcpClient client = UcpClient.login(verified(), ADMIN);
        server.inject("/accounts", new Fault.Status(401));
        assertThatThrownBy(client::users).isInstanceOf(UcpException.class).hasMessageContaining("HTTP 401");
    }

    @Test
    void theServerKeepsTheRealApisRules() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(SelfSignedTrust.context(server.caFile())).build();
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(server.url().resolve("/roles")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);

        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                server.url().resolve("/auth/login")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("auth_token").asText();
        HttpResponse<String> asJson = http.send(HttpRequest.newBuilder(server.url().resolve("/api/ucp/config-toml"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asJson.statusCode()).isEqualTo(406);

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(server.url().resolve("/accounts?filter=users&limit=3"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("X-Next-Page-Start")).contains("carol");
        assertThat(page.body()).contains("\"nextPageStart\":\"carol\"");

        HttpResponse<String> badLimit = http.send(HttpRequest.newBuilder(server.url().resolve("/accounts?limit=0"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badLimit.statusCode()).isEqualTo(400);
    }

    @Test
    void aUserWhoIsNotAnAdminCannotReadTheConfiguration() {
        UcpClient alice = UcpClient.login(verified(), new UcpCredentials("alice", "alice-pass-1"));
        assertThatThrownBy(alice::configToml).isInstanceOf(UcpException.class).hasMessageContaining("HTTP 403");
    }
}
