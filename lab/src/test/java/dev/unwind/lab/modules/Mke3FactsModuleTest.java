package dev.unwind.lab.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unwind.lab.ucp.FakeUcpServer;
import dev.unwind.lab.ucp.UcpCluster;
import dev.unwind.local.LocalConnection;
import dev.unwind.module.Args;
import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.mke.Mke3FactsModule;
import dev.unwind.module.mke.Mke3PreflightModule;
import dev.unwind.module.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mke3_facts on a node whose docker prints recorded output, against the fake UCP API; then mke3_preflight on it. */
class Mke3FactsModuleTest {
    private static final String PASSWORD = "orange-Battery-42";

    @TempDir
    static Path dir;

    static FakeUcpServer ucp;
    static Path docker;

    @BeforeAll
    static void start() throws Exception {
        String toml = Files.readString(Path.of("src/test/resources/ucp-config.toml"));
        UcpCluster sample = UcpCluster.sample(toml, PASSWORD);
        ucp = FakeUcpServer.start(new UcpCluster(toml, sample.users(), sample.orgs(), sample.roles(), sample.grants(),
                Map.of("serverURL", "ldaps://ldap.example.com", "readerPassword", "ldap-bind-secret")), dir);
        Path fixtures = Path.of("src/test/resources/docker").toAbsolutePath();
        docker = dir.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\ncase \"$1\" in\n"
                + "  info) cat '" + fixtures.resolve("info-manager.json") + "' ;;\n"
                + "  ps) cat '" + fixtures.resolve("ps-manager.jsonl") + "' ;;\n"
                + "  node) cat '" + fixtures.resolve("node-ls.jsonl") + "' ;;\n"
                + "  *) echo \"unexpected docker $*\" >&2; exit 2 ;;\nesac\n");
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwx------"));
    }

    @AfterAll
    static void stop() {
        ucp.close();
    }

    private static Outcome facts(TestContext ctx, Map<String, Object> extra) throws Exception {
        Mke3FactsModule m = new Mke3FactsModule();
        Map<String, Object> args = new HashMap<>(Map.of("docker", docker.toString()));
        args.putAll(extra);
        return m.run(new Args(m.spec(), args), ctx);
    }

    @Test
    void readsTheNodeAndTheUcpApiAndKeepsThePasswordsSecret() throws Exception {
        TestContext ctx = TestContext.in(dir).withConnection(new LocalConnection("m1"));
        Outcome o = facts(ctx, Map.of("ucp_url", ucp.url().toString(), "ucp_password", PASSWORD,
                "ucp_ca_file", ucp.caFile().toString()));

        assertThat(o.status()).as(o.msg()).isEqualTo(Status.OK);
        assertThat(o.msg()).isEqualTo("m1 is an MKE 3.8.5 manager");
        Map<String, Object> r = o.result();
        assertThat(r).containsEntry("role", "manager").containsEntry("version", "3.8.5")
                .containsEntry("swarm_cluster_id", "qz1x2c3v4b5n6m7l8k9j0h1g2");
        assertThat((List<?>) r.get("nodes")).hasSize(5);
        assertThat((List<?>) r.get("users")).hasSize(4);
        assertThat((List<?>) r.get("teams")).hasSize(2);
        assertThat((List<?>) r.get("grants")).hasSize(5);
        assertThat(((Map<?, ?>) ((Map<?, ?>) r.get("config")).get("cluster_config")).get("calico_kdd")).isEqualTo(true);
        assertThat(ctx.secretValues()).contains(PASSWORD, "ldap-bind-secret", "s3cr3t-oidc-client");
        assertThat(ctx.logLines()).noneMatch(l -> l.contains(PASSWORD));
    }

    @Test
    void aRefusedLoginFailsTheTaskWithoutThePassword() throws Exception {
        Outcome o = facts(TestContext.in(dir).withConnection(new LocalConnection("m1")), Map.of("ucp_url", ucp.url().toString(),
                "ucp_password", "wrong-one", "insecure", true));
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.msg()).contains("refused the login").doesNotContain("wrong-one");
    }

    @Test
    void theFactsFeedThePreflightWhichFindsTheNodeThatIsDown() throws Exception {
        Outcome f = facts(TestContext.in(dir).withConnection(new LocalConnection("m1")), Map.of("ucp_url", ucp.url().toString(),
                "ucp_password", PASSWORD, "insecure", true));
        Mke3PreflightModule pre = new Mke3PreflightModule();
        Outcome o = pre.run(new Args(pre.spec(), Map.of("facts", f.result(), "kubeconfig", dir.resolve("none").toString())),
                TestContext.in(dir));
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.msg()).contains("nodes_ready: not Ready: mke-worker-2").doesNotContain("mke_version");
    }
}
