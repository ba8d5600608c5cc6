package dev.unwind.lab.scenario;

import dev.unwind.lab.scenario.Accounts.CustomRole;
import dev.unwind.lab.scenario.Accounts.Grant;
import dev.unwind.lab.scenario.Accounts.Org;
import dev.unwind.lab.scenario.Accounts.Team;
import dev.unwind.lab.scenario.Accounts.User;
import dev.unwind.mke.config.InvalidMke3Config;
import dev.unwind.mke.config.Mke3Toml;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a scenario file. {@code extends: other.yaml} starts from another scenario (relative to this
 * file) and replaces the top-level keys this file sets. Every problem names FILE:LINE:COLUMN.
 */
public final class ScenarioFile {
    private static final Pattern NODE_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
    private static final Set<String> TOP = Set.of("name", "extends", "mke_version", "engine_version", "nodes", "config_toml",
            "config_toml_file", "accounts", "faults");
    private static final Set<String> BUILT_IN_ROLES = Set.of("none", "viewonly", "restrictedcontrol", "fullcontrol", "scheduler");

    private final String file;
    private final Path dir;

    private ScenarioFile(String file, Path dir) {
        this.file = file;
        this.dir = dir;
    }

    public static Scenario read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidScenario(path.toString(), 1, 1, "no such scenario file (see lab/scenarios/ for examples)");
        } catch (IOException e) {
            throw new InvalidScenario(path.toString(), 1, 1, "cannot read the scenario: " + e.getMessage());
        }
        Path abs = path.toAbsolutePath();
        return new ScenarioFile(path.toString(), abs.getParent()).parse(text, new HashSet<>(Set.of(abs.normalize())));
    }

    /** The scenario shipped in the lab's jar ({@code default}, {@code mke-3.7.14}, ...). */
    public static Scenario builtIn(String name) {
        String resource = "/dev/unwind/lab/scenarios/" + name + ".yaml";
        try (InputStream in = ScenarioFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in scenario " + name + "; built in: " + String.join(", ", builtInNames()));
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ScenarioFile("scenarios/" + name + ".yaml", null).parse(text, new HashSet<>());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in scenario " + name, e);
        }
    }

    public static List<String> builtInNames() {
        return List.of("default", "mke-3.7.14", "mke-3.6.9", "mke-3.9.0", "calico-kdd-false");
    }

    private Scenario parse(String text, Set<Path> seen) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new InvalidScenario(file, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1,
                    "not valid YAML: " + e.getProblem());
        }
        if (!(root instanceof MappingNode map)) {
            throw bad(root, "a scenario is a mapping (name, mke_version, nodes, config_toml, accounts, faults)");
        }
        Map<String, Node> keys = keys(map);
        for (Map.Entry<String, Node> e : keys.entrySet()) {
            if (!TOP.contains(e.getKey())) {
                throw bad(keyNode(map, e.getKey()), "unknown key '" + e.getKey() + "'; a scenario has: " + String.join(", ",
                        new java.util.TreeSet<>(TOP)));
            }
        }
        Scenario base = null;
        if (keys.containsKey("extends")) {
            base = parent(keys.get("extends"), seen);
        }
        String name = keys.containsKey("name") ? scalar(keys.get("name")) : base != null ? base.name() : "scenario";
        String version = keys.containsKey("mke_version") ? version(keys.get("mke_version"))
                : base != null ? base.mkeVersion() : null;
        if (version == null) {
            throw bad(root, "mke_version is missing (e.g. mke_version: 3.8.5)");
        }
        String engine = keys.containsKey("engine_version") ? version(keys.get("engine_version"))
                : base != null ? base.engineVersion() : "23.0.15";
        List<NodeSpec> nodes = keys.containsKey("nodes") ? nodes(keys.get("nodes")) : base != null ? base.nodes() : null;
        if (nodes == null) {
            throw bad(root, "nodes is missing: a list of {name, role: manager|worker}");
        }
        String toml;
        if (keys.containsKey("config_toml") && keys.containsKey("config_toml_file")) {
            throw bad(keys.get("config_toml_file"), "give config_toml or config_toml_file, not both");
        } else if (keys.containsKey("config_toml")) {
            toml = toml(keys.get("config_toml"), scalar(keys.get("config_toml")));
        } else if (keys.containsKey("config_toml_file")) {
            toml = tomlFile(keys.get("config_toml_file"));
        } else if (base != null) {
            toml = base.configToml();
        } else {
            throw bad(root, "config_toml is missing: the MKE 3 configuration (as `GET /api/ucp/config-toml` serves it)");
        }
        Accounts accounts = keys.containsKey("accounts") ? accounts(keys.get("accounts")) : base != null ? base.accounts() : null;
        if (accounts == null) {
            throw bad(root, "accounts is missing: at least users with one admin");
        }
        Set<String> names = new HashSet<>();
        nodes.forEach(n -> names.add(n.name()));
        List<FaultSpec> faults = keys.containsKey("faults") ? faults(keys.get("faults"), names) : base != null ? base.faults() : List.of();
        return new Scenario(name, version, engine, nodes, toml, accounts, faults, file);
    }

    private Scenario parent(Node node, Set<Path> seen) {
        String ref = scalar(node);
        if (dir == null) {
            return builtIn(ref.replaceFirst("\\.yaml$", ""));
        }
        Path path = dir.resolve(ref).normalize();
        if (!seen.add(path)) {
            throw bad(node, "extends " + ref + " again: scenarios extend each other in a circle");
        }
        if (!Files.isRegularFile(path)) {
            throw bad(node, "extends " + ref + ", which does not exist (relative to " + dir + ")");
        }
        try {
            return new ScenarioFile(path.toString(), path.getParent()).parse(Files.readString(path), seen);
        } catch (IOException e) {
            throw bad(node, "cannot read " + path + ": " + e.getMessage());
        }
    }

    private String version(Node node) {
        String v = scalar(node);
        if (!VERSION.matcher(v).matches()) {
            throw bad(node, "'" + v + "' is not a version like 3.8.5 (quote it if YAML reads it as a number)");
        }
        return v;
    }

    private List<NodeSpec> nodes(Node node) {
        List<NodeSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean anyLeader = false;
        for (Node item : sequence(node, "nodes")) {
            MappingNode m = mapping(item, "a node: {name, role: manager|worker}");
            Map<String, Node> k = keys(m);
            only(m, k, Set.of("name", "role", "leader", "ready", "listeners"));
            String name = scalar(required(m, k, "name"));
            if (!NODE_NAME.matcher(name).matches()) {
                throw bad(k.get("name"), "'" + name + "' is not a host name (lower-case letters, digits and '-')");
            }
            if (!names.add(name)) {
                throw bad(k.get("name"), "a second node named " + name);
            }
            String role = scalar(required(m, k, "role"));
            NodeSpec.Role r = switch (role) {
                case "manager" -> NodeSpec.Role.MANAGER;
                case "worker" -> NodeSpec.Role.WORKER;
                default -> throw bad(k.get("role"), "role is manager or worker, not '" + role + "'");
            };
            boolean leader = k.containsKey("leader") && bool(k.get("leader"));
            if (leader && r != NodeSpec.Role.MANAGER) {
                throw bad(k.get("leader"), "only a manager can be the Swarm leader");
            }
            if (leader && anyLeader) {
                throw bad(k.get("leader"), "a second leader: a swarm has one");
            }
            anyLeader |= leader;
            List<String> listeners = new ArrayList<>();
            if (k.containsKey("listeners")) {
                for (Node l : sequence(k.get("listeners"), "listeners")) {
                    String v = scalar(l);
                    if (!v.matches("\\d{1,5}/[A-Za-z0-9_.-]+")) {
                        throw bad(l, "a listener is PORT/PROCESS, e.g. 80/nginx");
                    }
                    listeners.add(v);
                }
            }
            out.add(new NodeSpec(name, r, leader, !k.containsKey("ready") || bool(k.get("ready")), listeners));
        }
        if (out.stream().noneMatch(NodeSpec::manager)) {
            throw bad(node, "a swarm needs at least one manager");
        }
        if (!anyLeader) {
            NodeSpec first = out.stream().filter(NodeSpec::manager).findFirst().orElseThrow();
            out.set(out.indexOf(first), new NodeSpec(first.name(), first.role(), true, first.ready(), first.listeners()));
        }
        return out;
    }

    private String toml(Node node, String text) {
        try {
            Mke3Toml.parse(file + ": config_toml", text.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidMke3Config e) {
            throw bad(node, "config_toml is not an MKE 3 configuration: line " + e.line() + " of the TOML: " + e.problem());
        }
        return text;
    }

    private String tomlFile(Node node) {
        String ref = scalar(node);
        if (dir == null) {
            throw bad(node, "a built-in scenario holds its TOML inline (config_toml)");
        }
        Path p = dir.resolve(ref);
        try {
            return toml(node, Files.readString(p));
        } catch (IOException e) {
            throw bad(node, "cannot read " + p + ": " + e.getMessage());
        }
    }

    private Accounts accounts(Node node) {
        MappingNode m = mapping(node, "accounts: {users, orgs, roles, grants}");
        Map<String, Node> k = keys(m);
        only(m, k, Set.of("users", "orgs", "roles", "grants"));
        List<User> users = new ArrayList<>();
        Set<String> userNames = new HashSet<>();
        for (Node item : sequence(required(m, k, "users"), "users")) {
            MappingNode u = mapping(item, "a user: {name, full_name, admin, password}");
            Map<String, Node> uk = keys(u);
            only(u, uk, Set.of("name", "full_name", "admin", "password"));
            String name = scalar(required(u, uk, "name"));
            if (!userNames.add(name)) {
                throw bad(uk.get("name"), "a second user named " + name);
            }
            users.add(new User(name, uk.containsKey("full_name") ? scalar(uk.get("full_name")) : name,
                    uk.containsKey("password") ? scalar(uk.get("password")) : null, uk.containsKey("admin") && bool(uk.get("admin"))));
        }
        if (users.stream().noneMatch(User::admin)) {
            throw bad(k.get("users"), "no user is an admin: the upgrade logs in as one (admin: true)");
        }
        List<Org> orgs = new ArrayList<>();
        Set<String> subjects = new HashSet<>(userNames);
        if (k.containsKey("orgs")) {
            for (Node item : sequence(k.get("orgs"), "orgs")) {
                MappingNode o = mapping(item, "an organization: {name, teams}");
                Map<String, Node> ok = keys(o);
                only(o, ok, Set.of("name", "teams"));
                String org = scalar(required(o, ok, "name"));
                if (!subjects.add(org)) {
                    throw bad(ok.get("name"), "'" + org + "' is already a user or an organization");
                }
                List<Team> teams = new ArrayList<>();
                if (ok.containsKey("teams")) {
                    for (Node t : sequence(ok.get("teams"), "teams")) {
                        MappingNode tm = mapping(t, "a team: {name, description, members}");
                        Map<String, Node> tk = keys(tm);
                        only(tm, tk, Set.of("name", "description", "members"));
                        String team = scalar(required(tm, tk, "name"));
                        if (!subjects.add(org + "/" + team)) {
                            throw bad(tk.get("name"), "a second team " + team + " in " + org);
                        }
                        List<String> members = new ArrayList<>();
                        if (tk.containsKey("members")) {
                            for (Node mem : sequence(tk.get("members"), "members")) {
                                String who = scalar(mem);
                                if (!userNames.contains(who)) {
                                    throw bad(mem, "member " + who + " is not one of the users");
                                }
                                members.add(who);
                            }
                        }
                        teams.add(new Team(team, tk.containsKey("description") ? scalar(tk.get("description")) : "", members));
                    }
                }
                orgs.add(new Org(org, teams));
            }
        }
        List<CustomRole> roles = new ArrayList<>();
        Set<String> roleNames = new HashSet<>(BUILT_IN_ROLES);
        if (k.containsKey("roles")) {
            for (Node item : sequence(k.get("roles"), "roles")) {
                MappingNode r = mapping(item, "a custom role: {name, operations}");
                Map<String, Node> rk = keys(r);
                only(r, rk, Set.of("name", "operations"));
                String name = scalar(required(r, rk, "name"));
                if (!roleNames.add(name)) {
                    throw bad(rk.get("name"), "role " + name + " already exists");
                }
                Object ops = rk.containsKey("operations") ? plain(rk.get("operations")) : Map.of();
                if (!(ops instanceof Map<?, ?> opsMap)) {
                    throw bad(rk.get("operations"), "operations is a mapping such as {Kubernetes: {Kubernetes View: []}}");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) opsMap;
                roles.add(new CustomRole(name, typed));
            }
        }
        List<Grant> grants = new ArrayList<>();
        if (k.containsKey("grants")) {
            for (Node item : sequence(k.get("grants"), "grants")) {
                MappingNode g = mapping(item, "a grant: {subject, object, role}");
                Map<String, Node> gk = keys(g);
                only(g, gk, Set.of("subject", "object", "role"));
                String subject = scalar(required(g, gk, "subject"));
                if (!subjects.contains(subject)) {
                    throw bad(gk.get("subject"), "subject " + subject + " is not a user, an organization or org/team");
                }
                String role = scalar(required(g, gk, "role"));
                if (!roleNames.contains(role)) {
                    throw bad(gk.get("role"), "role " + role + " is neither built in (" + String.join(", ",
                            new java.util.TreeSet<>(BUILT_IN_ROLES)) + ") nor one of roles");
                }
                grants.add(new Grant(subject, scalar(required(g, gk, "object")), role));
            }
        }
        return new Accounts(users, orgs, roles, grants);
    }

    private List<FaultSpec> faults(Node node, Set<String> nodeNames) {
        List<FaultSpec> out = new ArrayList<>();
        for (Node item : sequence(node, "faults")) {
            MappingNode f = mapping(item, "a fault: {node, command, call, exit, stderr} or {node, command, drop_connection: true}"
                    + " or {ucp: PATH, status, call}");
            Map<String, Node> k = keys(f);
            int call = k.containsKey("call") ? integer(k.get("call"), 1, 1_000_000) : 1;
            if (k.containsKey("ucp")) {
                only(f, k, Set.of("ucp", "status", "call"));
                String path = scalar(k.get("ucp"));
                if (!path.startsWith("/")) {
                    throw bad(k.get("ucp"), "ucp is an API path such as /api/ucp/config-toml");
                }
                out.add(new FaultSpec.UcpError(path, call, k.containsKey("status") ? integer(k.get("status"), 400, 599) : 500));
                continue;
            }
            only(f, k, Set.of("node", "command", "call", "exit", "stderr", "drop_connection"));
            String on = scalar(required(f, k, "node"));
            if (!nodeNames.contains(on)) {
                throw bad(k.get("node"), "no node named " + on + " in this scenario");
            }
            String contains = scalar(required(f, k, "command"));
            if (k.containsKey("drop_connection") && bool(k.get("drop_connection"))) {
                out.add(new FaultSpec.ConnectionDrops(on, contains, call));
            } else {
                int exit = k.containsKey("exit") ? integer(k.get("exit"), 1, 255) : 1;
                String stderr = k.containsKey("stderr") ? scalar(k.get("stderr")) : "injected by the unwind lab: '" + contains + "' failed";
                out.add(new FaultSpec.CommandFails(on, contains, call, exit, stderr));
            }
        }
        return out;
    }

    // --- YAML node helpers -------------------------------------------------------------------------

    private static Map<String, Node> keys(MappingNode m) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s) {
                out.put(s.getValue(), t.getValueNode());
            }
        }
        return out;
    }

    private static Node keyNode(MappingNode m, String key) {
        return m.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key))
                .findFirst().map(NodeTuple::getKeyNode).orElse(m);
    }

    private void only(MappingNode m, Map<String, Node> k, Set<String> allowed) {
        for (String key : k.keySet()) {
            if (!allowed.contains(key)) {
                throw bad(keyNode(m, key), "unknown key '" + key + "' here; expected: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private Node required(MappingNode m, Map<String, Node> k, String key) {
        Node n = k.get(key);
        if (n == null) {
            throw bad(m, key + " is missing");
        }
        return n;
    }

    private MappingNode mapping(Node n, String what) {
        if (n instanceof MappingNode m) {
            return m;
        }
        throw bad(n, "expected " + what);
    }

    private List<Node> sequence(Node n, String what) {
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        throw bad(n, what + " is a list");
    }

    private String scalar(Node n) {
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        throw bad(n, "expected a single value here");
    }

    private boolean bool(Node n) {
        String v = scalar(n);
        return switch (v) {
            case "true", "yes", "True", "on" -> true;
            case "false", "no", "False", "off" -> false;
            default -> throw bad(n, "expected true or false, not '" + v + "'");
        };
    }

    private int integer(Node n, int min, int max) {
        String v = scalar(n);
        try {
            int i = Integer.parseInt(v);
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(n, "expected a whole number from " + min + " to " + max + ", not '" + v + "'");
    }

    private Object plain(Node n) {
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        if (n instanceof SequenceNode s) {
            return s.getValue().stream().map(this::plain).toList();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        keys((MappingNode) n).forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }

    private InvalidScenario bad(Node n, String problem) {
        Mark m = n == null ? null : n.getStartMark();
        return new InvalidScenario(file, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1, problem);
    }
}
