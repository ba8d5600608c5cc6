package dev.unwind.module.mke;

import dev.unwind.mke.config.Mke3Toml;
import dev.unwind.mke.facts.Container;
import dev.unwind.mke.facts.DockerInfo;
import dev.unwind.mke.facts.FactsParseException;
import dev.unwind.mke.facts.Listeners;
import dev.unwind.mke.facts.SwarmNode;
import dev.unwind.mke.ucp.UcpClient;
import dev.unwind.mke.ucp.UcpCredentials;
import dev.unwind.mke.ucp.UcpEndpoint;
import dev.unwind.mke.ucp.UcpException;
import dev.unwind.mke.ucp.UcpModel.Account;
import dev.unwind.mke.ucp.UcpModel.Snapshot;
import dev.unwind.mke.ucp.UcpModel.TeamMembers;
import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Shell;
import dev.unwind.module.UndoKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mke3_facts}: what an MKE 3 node is (Swarm role, node id, cluster id, the MKE version from its
 * ucp-proxy image, its UCP containers, its listening ports, and on a manager every node's readiness),
 * and, given {@code ucp_url}, everything the UCP API knows (configuration, accounts, teams, roles, grants,
 * LDAP settings). Read-only. The admin password and the LDAP bind password are registered as secrets.
 */
public final class Mke3FactsModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("mke3_facts",
                    "Read an MKE 3 node (docker info, UCP containers, ports) and, with ucp_url, the UCP API.",
                    UndoKind.READ_ONLY,
                    ArgSpec.optional("ucp_url", ArgType.STR, null, "https://MANAGER — read the UCP API too"),
                    ArgSpec.optional("ucp_username", ArgType.STR, "admin", "the MKE 3 admin"),
                    ArgSpec.optional("ucp_password", ArgType.STR, null, "the MKE 3 admin's password").asSecret(),
                    ArgSpec.optional("ucp_ca_file", ArgType.STR, null, "PEM CA of the UCP API (on the controller)"),
                    ArgSpec.optional("insecure", ArgType.BOOL, false, "do not verify the UCP API's certificate"),
                    ArgSpec.optional("timeout", ArgType.INT, 30, "seconds per UCP API request"),
                    ArgSpec.optional("docker", ArgType.STR, "docker", "the docker command on the node"))
            .returns(Map.of("role", "manager or worker", "node_id", "Swarm node id", "swarm_cluster_id", "Swarm cluster id",
                    "version", "MKE version (ucp-proxy image tag)", "ucp_containers", "[{name, image, state}]",
                    "nodes", "on a manager: [{name, node_id, role, leader, ready}]", "listeners", "{port: process}",
                    "config", "with ucp_url: the configuration as a tree (config_toml: as text)",
                    "users", "with ucp_url: users, orgs, teams (with members), roles, grants, ldap"))
            .checkMode("runs for real: it only reads");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        String docker = args.str("docker");
        Map<String, Object> r = new LinkedHashMap<>();
        DockerInfo info;
        List<Container> containers;
        try {
            ExecResult di = ctx.connection().exec(Command.of(Shell.quote(docker) + " info --format '{{json .}}'"));
            if (!di.ok()) {
                return Outcome.failed("docker info failed on " + ctx.connection().host() + ": " + di.stderr().strip());
            }
            info = DockerInfo.parse(di.stdout());
            ExecResult ps = ctx.connection().exec(Command.of(Shell.quote(docker)
                    + " ps -a --filter name=ucp- --format '{{json .}}'"));
            containers = ps.ok() ? Container.parseLines(ps.stdout()) : List.of();
            r.put("hostname", info.hostname());
            r.put("docker_version", info.serverVersion());
            r.put("swarm_state", info.swarmState());
            r.put("role", info.role());
            r.put("node_id", info.nodeId());
            r.put("node_addr", info.nodeAddr());
            r.put("swarm_cluster_id", info.swarmClusterId());
            r.put("version", Container.mkeVersion(containers).orElse(""));
            r.put("ucp_containers", containers.stream().map(c -> Map.of("name", c.name(), "image", c.image(), "state", c.state()))
                    .toList());
            if (info.manager()) {
                ExecResult ls = ctx.connection().exec(Command.of(Shell.quote(docker) + " node ls --format '{{json .}}'"));
                if (!ls.ok()) {
                    return Outcome.failed("docker node ls failed on " + ctx.connection().host() + ": " + ls.stderr().strip());
                }
                List<Map<String, Object>> nodes = new ArrayList<>();
                for (SwarmNode n : SwarmNode.parseLines(ls.stdout())) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", n.hostname());
                    m.put("node_id", n.id());
                    m.put("role", n.manager() ? "manager" : "worker");
                    m.put("leader", n.leader());
                    m.put("ready", n.ready());
                    nodes.add(m);
                }
                r.put("nodes", nodes);
            }
        } catch (FactsParseException e) {
            return Outcome.failed(ctx.connection().host() + ": " + e.getMessage());
        }
        ExecResult ss = ctx.connection().exec(Command.of("ss -H -ltnp 2>/dev/null || true"));
        r.put("listeners", Listeners.parse(ss.stdout()));
        if (!info.inSwarm()) {
            return Outcome.failed(ctx.connection().host() + " is not in a Swarm (state: " + info.swarmState()
                    + "): not an MKE 3 node", r);
        }
        if (args.has("ucp_url")) {
            String failure = readUcp(args, ctx, r);
            if (failure != null) {
                return Outcome.failed(failure, r);
            }
        }
        return Outcome.ok(ctx.connection().host() + " is an MKE " + r.get("version") + " " + info.role(), r);
    }

    private static String readUcp(Args args, ModuleContext ctx, Map<String, Object> r) {
        String password = args.str("ucp_password");
        if (password == null || password.isEmpty()) {
            return "ucp_password is needed to read the UCP API (--mke3-admin-password or MKE3_ADMIN_PASSWORD)";
        }
        ctx.secrets().add(password);
        URI url = URI.create(args.str("ucp_url"));
        Duration timeout = Duration.ofSeconds(args.integer("timeout"));
        UcpEndpoint endpoint = args.bool("insecure") ? UcpEndpoint.insecure(url).withTimeout(timeout)
                : new UcpEndpoint(url, args.has("ucp_ca_file") ? ctx.localFile(args.str("ucp_ca_file")) : null, false, timeout, 0);
        Snapshot s;
        try {
            s = UcpClient.login(endpoint, new UcpCredentials(args.str("ucp_username"), password)).snapshot();
        } catch (UcpException e) {
            return e.getMessage();
        }
        Object bindPassword = s.ldap().get("readerPassword");
        if (bindPassword instanceof String bp && !bp.isEmpty()) {
            ctx.secrets().add(bp);
        }
        String secret = Mke3Toml.parse("GET /api/ucp/config-toml", s.configToml().getBytes(StandardCharsets.UTF_8))
                .root().path("auth").path("external_identity_provider").path("clientSecret").asText("");
        if (!secret.isEmpty()) {
            ctx.secrets().add(secret);
        }
        r.put("config_toml", s.configToml());
        r.put("config", Mke3Toml.parse("GET /api/ucp/config-toml", s.configToml().getBytes(StandardCharsets.UTF_8)).plain());
        r.put("users", s.users().stream().map(Mke3FactsModule::account).toList());
        r.put("orgs", s.orgs().stream().map(Mke3FactsModule::account).toList());
        r.put("teams", s.teams().stream().map(Mke3FactsModule::team).toList());
        r.put("roles", s.roles().stream().map(ro -> Map.of("id", ro.id(), "name", ro.name(), "system_role", ro.systemRole(),
                "operations", ro.operations())).toList());
        r.put("grants", s.grants().stream().map(g -> Map.of("subject_id", g.subjectID(), "object_id", g.objectID(),
                "role_id", g.roleID())).toList());
        r.put("ldap", s.ldap());
        return null;
    }

    private static Map<String, Object> account(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("full_name", a.fullName());
        m.put("is_admin", a.isAdmin());
        m.put("is_active", a.isActive());
        return m;
    }

    private static Map<String, Object> team(TeamMembers t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("org", t.team().org());
        m.put("id", t.team().id());
        m.put("name", t.team().name());
        m.put("members", t.members().stream().map(x -> x.name()).toList());
        return m;
    }

}
