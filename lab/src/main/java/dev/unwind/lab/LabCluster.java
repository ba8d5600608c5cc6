package dev.unwind.lab;

import dev.unwind.lab.kube.KubeApi;
import dev.unwind.lab.scenario.Accounts;
import dev.unwind.lab.scenario.FaultSpec;
import dev.unwind.lab.scenario.NodeSpec;
import dev.unwind.lab.scenario.Scenario;
import dev.unwind.lab.ssh.CommandFaults;
import dev.unwind.lab.ssh.LabKeys;
import dev.unwind.lab.ssh.NodeServer;
import dev.unwind.lab.ssh.NodeShell;
import dev.unwind.lab.ucp.Fault;
import dev.unwind.lab.ucp.FakeUcpServer;
import dev.unwind.lab.ucp.UcpCluster;
import dev.unwind.lab.ucp.UcpInstallation;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A simulated MKE 3 cluster that needs nothing installed. Each node is an SSH server on its own loopback
 * address whose commands run with real {@code /bin/sh} in the node's sandbox folder, where stand-ins for
 * {@code docker}, {@code k0s}, {@code sudo} and {@code ss} keep the node's state in files
 * (docs/lab-contract.md). The UCP API answers at the first manager's address while MKE 3 is installed and
 * that node's ucp-controller runs; fabric8's mock server is the new cluster's API, where a node is Ready
 * while its k0s runs. {@link #inventory()} is an INI inventory for {@code unwind play}/{@code upgrade}.
 *
 * <p>Layout of {@link #root()}: {@code nodes/NAME/} (sandboxes), {@code cluster/} (swarm, UCP, kube
 * files), {@code standins/}, {@code dist/k0s}, {@code ucp/} (certificate), {@code id_lab}, {@code known_hosts},
 * {@code inventory.ini}.
 */
public final class LabCluster implements AutoCloseable {
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Scenario scenario;
    private final Path root;
    private final boolean ownsRoot;
    private final RealPaths realPaths;
    private final ExecutorService pumps;
    private final List<LabNode> nodes = new ArrayList<>();
    private final List<NodeServer> servers = new ArrayList<>();
    private final Map<String, CommandFaults> faults = new LinkedHashMap<>();
    private final List<String> reconcileProblems = new ArrayList<>();
    private final String sshUser = System.getProperty("user.name");
    private String adminPassword;
    private String clusterId;
    private FakeUcpServer ucp;
    private KubeApi kube;
    private Path inventory;

    private LabCluster(Scenario scenario, Path root, boolean ownsRoot) {
        this.scenario = scenario;
        this.root = root.toAbsolutePath();
        this.ownsRoot = ownsRoot;
        this.realPaths = new RealPaths(RealPaths.WATCHED);
        AtomicInteger n = new AtomicInteger();
        this.pumps = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lab-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the scenario in a new temporary folder, removed by {@link #close()}. */
    public static LabCluster start(Scenario scenario) throws IOException {
        return start(scenario, Files.createTempDirectory("unwind-lab-"), true);
    }

    /** Starts the scenario in {@code root} (created if needed; kept by {@link #close()}). */
    public static LabCluster start(Scenario scenario, Path root) throws IOException {
        return start(scenario, Files.createDirectories(root), false);
    }

    private static LabCluster start(Scenario scenario, Path root, boolean owns) throws IOException {
        LabCluster lab = new LabCluster(scenario, root, owns);
        try {
            lab.boot();
            return lab;
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    private void boot() throws IOException {
        Path k0s = StandIns.install(root);
        Path cluster = Files.createDirectories(root.resolve("cluster"));
        adminPassword = scenario.accounts().admin().password() != null ? scenario.accounts().admin().password() : password();

        // an address block of its own, so that two labs (or a lab and anything else) never meet
        SecureRandom random = new SecureRandom();
        String block = "127." + (100 + random.nextInt(100)) + "." + random.nextInt(256) + ".";
        Map<String, String> addresses = new LinkedHashMap<>();
        for (int i = 0; i < scenario.nodes().size(); i++) {
            addresses.put(scenario.nodes().get(i).name(), block + (11 + i));
        }
        Mke3NodeState state = new Mke3NodeState(scenario, cluster);
        clusterId = state.clusterId();
        state.writeCluster(addresses, scenario.configToml());

        // the mock API loads the most classes: start it while the rest comes up
        java.util.concurrent.Future<KubeApi> kubeStarting = pumps.submit(KubeApi::start);

        String firstManager = addresses.get(scenario.firstManager().name());
        Path firstSandbox = root.resolve("nodes").resolve(scenario.firstManager().name());
        UcpInstallation installation = new UcpInstallation() {
            @Override
            public boolean answering() {
                return Files.exists(cluster.resolve("ucp/installed"))
                        && containerRunning(firstSandbox, "ucp-controller");
            }

            @Override
            public String configToml() {
                try {
                    return Files.readString(cluster.resolve("ucp/config.toml"));
                } catch (IOException e) {
                    return "";
                }
            }
        };
        Path ucpDir = Files.createDirectories(root.resolve("ucp"));
        try {
            ucp = FakeUcpServer.start(ucpCluster(), ucpDir, new InetSocketAddress(firstManager, 443), installation);
        } catch (BindException e) {
            // not root, or 443 taken: any port (the inventory's mke3_url says which)
            ucp = FakeUcpServer.start(ucpCluster(), ucpDir, new InetSocketAddress(firstManager, 0), installation);
        }
        for (FaultSpec f : scenario.faults()) {
            if (f instanceof FaultSpec.UcpError u) {
                ucp.injectAt(u.path(), u.call(), new Fault.Status(u.status()));
            }
        }

        KeyPair client = LabKeys.generate();
        Path key = root.resolve("id_lab");
        LabKeys.writeClientKey(client, key);
        StringBuilder knownHosts = new StringBuilder();
        for (NodeSpec spec : scenario.nodes()) {
            Path sandbox = Files.createDirectories(root.resolve("nodes").resolve(spec.name()));
            String address = addresses.get(spec.name());
            state.writeNode(spec, address, sandbox);
            KeyPair hostKey = LabKeys.generate();
            CommandFaults nodeFaults = new CommandFaults(scenario.faults().stream()
                    .filter(f -> f instanceof FaultSpec.CommandFails c && c.node().equals(spec.name())
                            || f instanceof FaultSpec.ConnectionDrops d && d.node().equals(spec.name())).toList());
            faults.put(spec.name(), nodeFaults);
            NodeServer server = NodeServer.start(address, hostKey, client.getPublic(), sshUser,
                    new NodeShell(sandbox, environment(spec.name(), sandbox), this::reconcile), nodeFaults, pumps);
            servers.add(server);
            nodes.add(new LabNode(spec.name(), spec.role(), address, server.port(), sandbox));
            knownHosts.append(LabKeys.knownHostsLine(address, server.port(), hostKey)).append('\n');
        }
        Files.writeString(root.resolve("known_hosts"), knownHosts);
        try {
            kube = kubeStarting.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the lab's Kubernetes API started", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("the lab's Kubernetes API did not start: " + e.getCause().getMessage(), e.getCause());
        }
        Files.createDirectories(cluster.resolve("kube"));
        kube.writeAdminKubeconfig(cluster.resolve("kube/admin.conf"));
        inventory = root.resolve("inventory.ini");
        LabInventory.write(inventory, scenario.name(), scenario.mkeVersion(), nodes, sshUser, key, knownHosts(), k0s, ucp.url(),
                ucp.caFile(), adminUser());
    }

    private Map<String, String> environment(String name, Path sandbox) {
        Map<String, String> env = new TreeMap<>();
        env.put("PATH", sandbox.resolve("usr/local/bin") + ":" + root.resolve("standins") + ":/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOME", sandbox.toString());
        env.put("USER", sshUser);
        env.put("LOGNAME", sshUser);
        env.put("SHELL", "/bin/sh");
        env.put("LANG", "C.UTF-8");
        env.put("TMPDIR", "/tmp");
        env.put("UNWIND_LAB_ROOT", root.toString());
        env.put("UNWIND_LAB_NODE", sandbox.toString());
        env.put("UNWIND_LAB_HOST", name);
        return env;
    }

    private static boolean containerRunning(Path sandbox, String container) {
        try {
            return Files.readAllLines(sandbox.resolve("var/lib/docker/containers/" + container)).contains("STATE=running");
        } catch (IOException e) {
            return false;
        }
    }

    /** After every command: the Kubernetes Nodes follow the k0s status files. */
    private void reconcile() {
        List<KubeApi.RunningK0s> running = new ArrayList<>();
        for (LabNode n : nodes) {
            Path status = n.sandbox().resolve("run/k0s/status");
            if (!Files.exists(status)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(status);
                running.add(new KubeApi.RunningK0s(n.name(), n.address(), lines.contains("ROLE=controller"),
                        lines.contains("WORKLOADS=true")));
            } catch (IOException e) {
                // stopped while we looked: it does not run
            }
        }
        try {
            kube.reconcile(running);
        } catch (RuntimeException e) {
            synchronized (reconcileProblems) {
                reconcileProblems.add(e.getMessage());
            }
        }
    }

    private UcpCluster ucpCluster() {
        Accounts a = scenario.accounts();
        Map<String, String> ids = new LinkedHashMap<>();
        List<UcpCluster.User> users = new ArrayList<>();
        for (Accounts.User u : a.users()) {
            String id = uuid("user", u.name());
            ids.put(u.name(), id);
            String pw = u.admin() && u == a.admin() ? adminPassword : u.password() != null ? u.password() : password();
            users.add(new UcpCluster.User(id, u.name(), u.fullName(), pw, u.admin()));
        }
        List<UcpCluster.Org> orgs = new ArrayList<>();
        for (Accounts.Org o : a.orgs()) {
            String id = uuid("org", o.name());
            ids.put(o.name(), id);
            List<UcpCluster.Team> teams = new ArrayList<>();
            for (Accounts.Team t : o.teams()) {
                String tid = uuid("team", o.name() + "/" + t.name());
                ids.put(o.name() + "/" + t.name(), tid);
                teams.add(new UcpCluster.Team(tid, t.name(), t.description(), t.members()));
            }
            orgs.add(new UcpCluster.Org(id, o.name(), teams));
        }
        List<UcpCluster.Role> roles = new ArrayList<>(UcpCluster.builtInRoles());
        Map<String, String> roleIds = new LinkedHashMap<>();
        roles.forEach(r -> roleIds.put(r.id(), r.id()));
        for (Accounts.CustomRole r : a.roles()) {
            String id = uuid("role", r.name());
            roleIds.put(r.name(), id);
            roles.add(new UcpCluster.Role(id, r.name(), false, r.operations()));
        }
        List<UcpCluster.Grant> grants = a.grants().stream()
                .map(g -> new UcpCluster.Grant(ids.get(g.subject()), g.object(), roleIds.get(g.role()))).toList();
        return new UcpCluster(scenario.configToml(), users, orgs, roles, grants, Map.of());
    }

    private static String uuid(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String password() {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(r.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    // --- what callers use -------------------------------------------------------------------------

    public Scenario scenario() {
        return scenario;
    }

    public Path root() {
        return root;
    }

    /** The INI inventory of the lab (groups managers, workers; path variables into the sandboxes). */
    public Path inventory() {
        return inventory;
    }

    /** known_hosts with every node's host key ({@code [ADDRESS]:PORT ecdsa-sha2-nistp256 ...}). */
    public Path knownHosts() {
        return root.resolve("known_hosts");
    }

    /** The private key (OpenSSH format, 0600) every node accepts, for {@link #sshUser()}. */
    public Path clientKey() {
        return root.resolve("id_lab");
    }

    public String sshUser() {
        return sshUser;
    }

    public List<LabNode> nodes() {
        return List.copyOf(nodes);
    }

    public LabNode node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lab node " + name));
    }

    /** The MKE 3 admin the fake UCP accepts. */
    public String adminUser() {
        return scenario.accounts().admin().name();
    }

    /** The MKE 3 admin's password (made up at start unless the scenario sets it). Never logged by the lab. */
    public String adminPassword() {
        return adminPassword;
    }

    /** The swarm's cluster id ({@code uninstall-ucp --id}). */
    public String swarmClusterId() {
        return clusterId;
    }

    /** {@code https://FIRST_MANAGER_ADDRESS[:PORT]} */
    public URI ucpUrl() {
        return ucp.url();
    }

    /** The PEM certificate that verifies the UCP API ({@code --mke3-ca-file}). */
    public Path ucpCaFile() {
        return ucp.caFile();
    }

    public FakeUcpServer ucp() {
        return ucp;
    }

    /** Whether the UCP API answers now (MKE 3 installed and the first manager's ucp-controller running). */
    public boolean ucpAnswering() {
        return Files.exists(root.resolve("cluster/ucp/installed"))
                && containerRunning(node(scenario.firstManager().name()).sandbox(), "ucp-controller");
    }

    /** The new cluster's API ({@code https://127.0.0.1:PORT/}). */
    public String kubeApiUrl() {
        return kube.url();
    }

    /** The admin kubeconfig {@code k0s kubeconfig admin} prints. */
    public Path kubeconfig() {
        return root.resolve("cluster/kube/admin.conf");
    }

    /** A client of the new cluster's API, owned by the lab. */
    public KubernetesClient kubernetes() {
        return kube.client();
    }

    /** The scenario's faults that have fired so far (command faults and dropped connections). */
    public List<FaultSpec> firedFaults() {
        return faults.values().stream().flatMap(f -> f.fired().stream()).toList();
    }

    /** Drops every open SSH connection to a node now, as a reboot would. */
    public void dropConnections(String node) {
        servers.get(nodes.indexOf(node(node))).dropConnections();
    }

    /** The whole lab state now: sandboxes, cluster files, whether UCP answers, the Kubernetes objects. */
    public LabSnapshot snapshot() {
        TreeMap<String, String> out = new TreeMap<>();
        try {
            for (LabNode n : nodes) {
                LabSnapshot.addTree(out, "nodes/" + n.name(), n.sandbox());
            }
            LabSnapshot.addTree(out, "cluster", root.resolve("cluster"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lab's files: " + e.getMessage(), e);
        }
        out.put("ucp/answering", String.valueOf(ucpAnswering()));
        kube.objects().forEach((k, v) -> out.put("kube/" + k, "object sha256:"
                + LabSnapshot.sha256(v.getBytes(StandardCharsets.UTF_8)).substring(0, 16)));
        return new LabSnapshot(out);
    }

    /** What changed outside the lab on this machine since it started, in the paths the upgrade would write. */
    public List<String> escapes() {
        List<String> out = new ArrayList<>(realPaths.changes());
        synchronized (reconcileProblems) {
            reconcileProblems.forEach(p -> out.add("the lab's Kubernetes API could not follow k0s: " + p));
        }
        return out;
    }

    /** Throws when anything outside the lab changed (see {@link #escapes()}). */
    public void verifyNothingEscaped() {
        List<String> escapes = escapes();
        if (!escapes.isEmpty()) {
            throw new IllegalStateException("the lab changed the real machine: " + String.join("; ", escapes));
        }
    }

    @Override
    public void close() {
        for (NodeServer s : servers) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        if (ucp != null) {
            ucp.close();
        }
        if (kube != null) {
            kube.close();
        }
        pumps.shutdownNow();
        if (ownsRoot) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is harmless
            }
        }
    }

    @Override
    public String toString() {
        return "LabCluster[" + scenario.name() + ", " + nodes.size() + " nodes, " + root + "]";
    }
}
