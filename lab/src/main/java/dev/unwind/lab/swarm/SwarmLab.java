package dev.unwind.lab.swarm;

import com.github.dockerjava.api.command.CreateNetworkCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network.Ipam;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real MKE 3-like cluster in containers: N managers and M workers, each a container of
 * the lab node image (systemd as init, sshd with its own host keys, a Docker engine started by systemd that can
 * never pull), on a Docker network of its own; the engines joined into one Swarm (the first manager inits and
 * leads); on every engine the stand-in {@code ucp-*} containers an MKE 3.8.5 node runs, plus the
 * {@code ucp-manager-agent} / {@code ucp-worker-agent} global services.
 *
 * <pre>{@code
 * try (SwarmLab lab = SwarmLab.managers(3).workers(2).start()) { lab.writeInventory(dir.resolve("hosts.ini")); ... }
 * }</pre>
 *
 * Tests hold one with {@code SwarmLabExtension}; {@code unwind lab up --real} starts one for users. Ryuk is off on the
 * build machines (TESTCONTAINERS_RYUK_DISABLED), so the lab removes its containers, their volumes and its network
 * itself, in {@link #close()} and, should the JVM end first, from a shutdown hook.
 */
public final class SwarmLab implements AutoCloseable {
    /** The login user on every node: passwordless sudo, member of the docker group, key logins only. */
    public static final String LOGIN_USER = "lab";
    public static final String UCP_VERSION = "3.8.5";

    private static final String CALICO_CNI = "{\"name\": \"k8s-pod-network\", \"cniVersion\": \"0.3.1\", \"plugins\":"
            + " [{\"type\": \"calico\", \"datastore_type\": \"kubernetes\", \"ipam\": {\"type\": \"calico-ipam\"}}]}";

    private final int managers;
    private final int workers;
    /** False for {@link #plainNodes}: Debian nodes with systemd and sshd, no Swarm and no MKE 3 on them. */
    private final boolean mke3;
    private final List<LabNode> nodes = new ArrayList<>();
    private Network network;
    private UcpApiRelay ucpApi;
    private final NewCluster newCluster = new NewCluster(this);
    private Mke3Kubernetes mke3Kube;
    private Path dir;
    private Path clientKey;
    private Path knownHosts;
    /** The lab network's gateway: this machine, as the nodes reach it. */
    private String gateway;
    private String clusterId;
    private Timings timings;
    private Thread shutdownHook;

    /** How long bringing the lab up took, in its stages. */
    public record Timings(Duration image, Duration boot, Duration swarm, Duration ucp, Duration total) {
        @Override
        public String toString() {
            return String.format("image %.1f s, boot %.1f s, swarm %.1f s, ucp %.1f s, total %.1f s", secs(image), secs(boot),
                    secs(swarm), secs(ucp), secs(total));
        }

        private static double secs(Duration d) {
            return d.toMillis() / 1000.0;
        }
    }

    private SwarmLab(int managers, int workers, boolean mke3) {
        if (managers < 1 || workers < 0) {
            throw new IllegalArgumentException("a swarm needs at least one manager");
        }
        this.managers = managers;
        this.workers = workers;
        this.mke3 = mke3;
    }

    public static SwarmLab managers(int n) {
        return new SwarmLab(n, 0, true);
    }

    public SwarmLab workers(int n) {
        return new SwarmLab(managers, n, mke3);
    }

    /**
     * N nodes of the same image (systemd, sshd, the {@code lab} login with sudo) that are only Debian hosts: no
     * Swarm is formed and no MKE 3 runs, for tests of real system state (packages, users, services). Named
     * {@code node1}..{@code nodeN}, in the inventory group {@code managers}.
     */
    public static SwarmLab plainNodes(int n) {
        return new SwarmLab(n, 0, false);
    }

    /** Whether a Docker engine answers (the lab cannot run without one). */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Builds the image if needed, starts the nodes, forms the Swarm, starts the stand-in MKE 3. */
    public synchronized SwarmLab start() {
        if (!nodes.isEmpty()) {
            return this;
        }
        long t0 = System.nanoTime();
        String image = NodeImage.ensure();
        long tImage = System.nanoTime();
        shutdownHook = new Thread(this::close, "swarm-lab-close");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            dir = Files.createTempDirectory("unwind-swarm-lab-");
            clientKey = dir.resolve("id_ed25519");
            keygen(clientKey);
            String subnet = createNetwork();
            gateway = subnet + ".1";
            if (mke3) {
                ucpApi = new UcpApiRelay(subnet + ".1");
                mke3Kube = new Mke3Kubernetes(subnet + ".10");
            }
            byte[] authorized = Files.readAllBytes(dir.resolve("id_ed25519.pub"));
            for (int i = 0; i < managers + workers; i++) {
                boolean manager = i < managers;
                String name = !mke3 ? "node" + (i + 1) : manager ? "manager" + (i + 1) : "worker" + (i - managers + 1);
                String address = subnet + "." + (10 + i);
                nodes.add(new LabNode(name, manager ? LabNode.Role.MANAGER : LabNode.Role.WORKER, address,
                        container(image, name, address, authorized), network.getId(), this));
            }
            parallel(nodes, n -> {
                n.container().start();
                n.awaitBoot();
                n.sh("chown -R lab:lab /home/lab/.ssh && chmod 600 /home/lab/.ssh/authorized_keys" + (mke3
                        ? " && docker load -q -i /usr/share/unwind-lab/ucp-images.tar >/dev/null"
                        : ""));
                return null;
            });
            long tBoot = System.nanoTime();
            knownHosts = dir.resolve("known_hosts");
            StringBuilder kh = new StringBuilder();
            for (LabNode n : nodes) {
                kh.append(n.knownHostsLines());
            }
            Files.writeString(knownHosts, kh.toString(), StandardCharsets.UTF_8);
            if (mke3) {
                formSwarm();
            }
            long tSwarm = System.nanoTime();
            if (mke3) {
                startUcp();
                mke3Kube.seed();
            }
            long tEnd = System.nanoTime();
            timings = new Timings(Duration.ofNanos(tImage - t0), Duration.ofNanos(tBoot - tImage), Duration.ofNanos(tSwarm - tBoot),
                    Duration.ofNanos(tEnd - tSwarm), Duration.ofNanos(tEnd - t0));
            System.err.println("SwarmLab: " + managers + " managers + " + workers + " workers up: " + timings);
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private String createNetwork() {
        // a /24 of our own with a fixed address per node, so a node cut off and restored keeps its address
        for (int attempt = 0; ; attempt++) {
            String prefix = "10." + ThreadLocalRandom.current().nextInt(200, 250) + "." + ThreadLocalRandom.current().nextInt(0, 256);
            try {
                Network n = Network.builder().createNetworkCmdModifier((CreateNetworkCmd cmd) -> cmd.withName("unwind-swarm-lab-"
                                + Long.toHexString(System.nanoTime()))
                        .withIpam(new Ipam().withConfig(new Ipam.Config().withSubnet(prefix + ".0/24").withGateway(prefix + ".1"))))
                        .build();
                n.getId();   // created lazily: create it now, so a clash shows here
                network = n;
                return prefix;
            } catch (DockerException | IllegalStateException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    private GenericContainer<?> container(String image, String name, String address, byte[] authorizedKey) {
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image));
        return c.withNetwork(network)
                .withNetworkAliases(name)
                .withCopyToContainer(Transferable.of(authorizedKey, 0644), "/home/lab/.ssh/authorized_keys")
                .withCreateContainerCmdModifier(cmd -> {
                    HostConfig h = cmd.getHostConfig();
                    // LAB.md: --privileged is refused here; this is what a systemd node with docker-in-docker needs
                    h.withCapAdd(Capability.ALL)
                            .withCapDrop(Capability.SYS_RESOURCE)
                            .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
                            .withDeviceCgroupRules(List.of("a *:* rwm"))
                            .withCgroupnsMode("host")
                            .withTmpFs(Map.of("/run", "rw,exec", "/run/lock", "rw"))
                            .withBinds(com.github.dockerjava.api.model.Bind.parse("/sys/fs/cgroup:/sys/fs/cgroup:rw"));
                    cmd.withHostName(name)
                            .withIpv4Address(address)
                            .withVolumes(new com.github.dockerjava.api.model.Volume("/var/lib/docker"))
                            .withStopSignal("SIGRTMIN+3")
                            .withLabels(labelled(cmd.getLabels()));
                });
    }

    private static Map<String, String> labelled(Map<String, String> testcontainers) {
        Map<String, String> all = new java.util.HashMap<>(testcontainers == null ? Map.of() : testcontainers);
        all.put("dev.unwind.lab", "swarm-node");
        return all;
    }

    private void formSwarm() {
        LabNode leader = nodes.get(0);
        leader.sh("docker swarm init --advertise-addr " + leader.address() + " --listen-addr " + leader.address() + ":2377");
        String managerToken = leader.sh("docker swarm join-token -q manager");
        String workerToken = leader.sh("docker swarm join-token -q worker");
        // managers one at a time (each changes the raft membership), then the workers together
        for (LabNode m : managers()) {
            if (m != leader) {
                m.sh(join(m, managerToken, leader));
            }
        }
        parallel(workers(), w -> w.sh(join(w, workerToken, leader)));
        clusterId = leader.sh("docker info --format '{{.Swarm.Cluster.ID}}'");
    }

    private static String join(LabNode n, String token, LabNode leader) {
        return "docker swarm join --advertise-addr " + n.address() + " --listen-addr " + n.address() + ":2377 --token " + token + " "
                + leader.address() + ":2377";
    }

    /**
     * Puts the lab back to how {@link #start()} left it, for the next test: every node on the network, no k0s
     * (units, files, binary), no lab faults, nothing under /var/lib/unwind, no unwind host lock (a killed run's stays
     * for 30 s); and
     * when MKE 3 is not exactly as started (uninstalled, stopped, a container missing), it is started afresh.
     */
    public synchronized void restoreMke3() {
        for (LabNode n : nodes) {
            if (n.exec("ip -4 -o addr show | grep -q \"inet " + n.address() + "/\"").exitCode() != 0) {
                n.restoreNetwork();
            }
        }
        leader().sh("for n in $(docker node ls -q --filter node.label=com.docker.ucp.agent-pause); do"
                + " docker node update --label-rm com.docker.ucp.agent-pause $n >/dev/null; done");
        parallel(nodes, n -> n.sh("rm -f /etc/unwind-lab/faults/*; systemctl stop k0scontroller k0sworker 2>/dev/null;"
                + " systemctl disable k0scontroller k0sworker >/dev/null 2>&1;"
                + " rm -rf /etc/k0s /var/lib/k0s /run/k0s /usr/local/bin/k0s /var/lib/unwind /etc/systemd/system/k0s*.service;"
                + " rm -f /run/lock/unwind.lock;"
                // a k0s stand-in's components that outlived it (the test that left them has failed already)
                + " pkill -9 -f '^/var/lib/k0s/bin/|^socat TCP-LISTEN:10250,' 2>/dev/null;"
                + " systemctl daemon-reload; systemctl reset-failed; true"));
        if (!mke3AsStarted()) {
            System.err.println("SwarmLab: MKE 3 is not as started; starting it afresh");
            leader().sh("for s in $(docker service ls -q --filter label=com.docker.ucp.version); do docker service rm $s >/dev/null; done");
            parallel(nodes, n -> n.sh("for c in $(docker ps -aq --filter name=^ucp-); do docker rm -f $c >/dev/null 2>&1; done; true"));
            startUcp();
        }
    }

    /** Whether every node runs exactly the stand-in MKE 3 containers it was started with, and the agents converged. */
    public boolean mke3AsStarted() {
        List<UcpComponent> components = UcpComponent.readAll(NodeImage.folder().resolve("ucp-components.tsv"));
        for (LabNode n : nodes) {
            List<String> expected = components.stream().filter(c -> c.kind().equals("container") && c.runsOn(n.role()))
                    .map(c -> c.name() + " running").sorted().toList();
            List<String> now = n.sh("docker ps -a --filter label=com.docker.ucp.version --format '{{.Names}} {{.State}}'"
                    + " | grep -v '^ucp-[a-z]*-agent\\.' || true").lines().map(String::strip).sorted().toList();
            if (!now.equals(expected)) {
                return false;
            }
        }
        try {
            awaitServices(leader(), components, 5, false);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private void startUcp() {
        List<UcpComponent> components = UcpComponent.readAll(NodeImage.folder().resolve("ucp-components.tsv"));
        String labels = " --label com.docker.ucp.version=" + UCP_VERSION + " --label com.docker.ucp.InstanceID=" + clusterId;
        parallel(managers(), m -> {
            mke3Kube.installCertificates(m);
            return null;
        });
        String kvCluster = Mke3Kubernetes.kvCluster(managers());
        // the agents are global Swarm services, as in MKE 3.8, that keep their node's components running through its
        // engine unless the node is labelled com.docker.ucp.agent-pause=true (workers read it through a manager)
        String managerAddresses = String.join(",", managers().stream().map(LabNode::address).toList());
        LabNode leader = nodes.get(0);
        for (UcpComponent c : components) {
            if (c.kind().equals("service")) {
                String role = c.runsOn();
                leader.sh("docker service create --detach --quiet --no-resolve-image --mode global --name " + c.name()
                        + " --constraint node.role==" + role + " --env UCP_MANAGERS=" + managerAddresses
                        + " --mount type=bind,source=/var/run/docker.sock,target=/var/run/docker.sock"
                        + labels + " " + c.image() + ":" + UCP_VERSION + " " + c.name());
            }
        }
        // on the host network, all at once: a stand-in serves nothing, and a bridge per container costs seconds
        parallel(nodes, n -> {
            String starts = components.stream()
                    .filter(c -> c.kind().equals("container") && c.runsOn(n.role()))
                    .map(c -> "docker run -d --name " + c.name() + " --network host --restart unless-stopped" + labels
                            + runFlags(c, n, kvCluster) + " " + c.image()
                            + ":" + UCP_VERSION + " " + c.name() + " >/dev/null & pids=\"$pids $!\"")
                    .collect(Collectors.joining("\n"));
            // MKE's Calico writes its CNI configuration on every node (uninstall-ucp cleans it up)
            return n.sh("mkdir -p /etc/cni/net.d && printf '%s\\n' '" + CALICO_CNI + "' >/etc/cni/net.d/10-calico.conflist\n"
                    + "pids=\n" + starts + "\nrc=0; for p in $pids; do wait $p || rc=1; done; exit $rc");
        });
        long t = System.nanoTime();
        awaitServices(leader, components, 60, true);
        try {
            mke3Kube.client(120);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\nucp-kv: " + leader.exec("docker logs --tail 20 ucp-kv 2>&1").stdout()
                    + "\nucp-kube-apiserver: " + leader.exec("docker logs --tail 20 ucp-kube-apiserver 2>&1").stdout(), e);
        }
        System.err.println("SwarmLab: agent services converged and MKE 3's Kubernetes API ready in " + (System.nanoTime() - t) / 1_000_000
                + " ms");
    }

    /** The {@code docker run} flags a component needs beyond its name and labels. */
    private String runFlags(UcpComponent c, LabNode n, String kvCluster) {
        return switch (c.name()) {
            case "ucp-controller" -> " -e UCP_API_UPSTREAM=" + ucpApi.upstream();
            case "ucp-proxy" -> " -v /var/run/docker.sock:/var/run/docker.sock";
            default -> Mke3Kubernetes.runFlags(c.name(), n, kvCluster);
        };
    }

    /**
     * @param settle also wait until the same agent containers still run 2 s later (after starting MKE 3, when Swarm may
     *               still replace a task)
     */
    private void awaitServices(LabNode leader, List<UcpComponent> components, int seconds, boolean settle) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> expected = components.stream().filter(c -> c.kind().equals("service"))
                .map(c -> {
                    long n = nodes.stream().filter(x -> c.runsOn(x.role())).count();
                    return c.name() + " " + n + "/" + n;
                }).sorted().toList();
        Map<String, List<String>> seen = null;
        long seenAt = 0;
        while (true) {
            List<String> now = List.of(leader.sh("docker service ls --format '{{.Name}} {{.Replicas}}'").split("\n")).stream()
                    .map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
            // the managers' count can run ahead of a node whose task is still starting (or being replaced): each node
            // must itself run its agent's container
            Map<String, List<String>> agents = now.equals(expected) ? agentContainers(components) : Map.of();
            List<String> missing = agents.isEmpty() ? List.of("(replicas)")
                    : agents.entrySet().stream().filter(e -> e.getValue().contains("")).map(Map.Entry::getKey).toList();
            if (missing.isEmpty()) {
                // and the same agent containers still run a moment later: a task Swarm is replacing (a service just
                // removed and created again) can be running when looked at and gone right after
                if (!settle || agents.equals(seen) && System.nanoTime() - seenAt >= TimeUnit.SECONDS.toNanos(2)) {
                    return;
                }
                if (!agents.equals(seen)) {
                    seen = agents;
                    seenAt = System.nanoTime();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ucp agent services did not converge: " + now + ", expected " + expected
                        + "; no agent container running on " + missing + "; running: " + seen + "\n"
                        + leader.exec("docker service ps --no-trunc ucp-manager-agent ucp-worker-agent 2>&1").stdout());
            }
            pause(200);
        }
    }

    /** Each node's running container of each agent service that runs there, by ID ("" where there is none). */
    private Map<String, List<String>> agentContainers(List<UcpComponent> components) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (LabNode n : nodes) {
            out.put(n.name(), components.stream().filter(c -> c.kind().equals("service") && c.runsOn(n.role()))
                    .map(c -> n.sh("docker ps -q --no-trunc --filter status=running --filter name=^" + c.name() + "\\.").strip())
                    .toList());
        }
        return out;
    }

    public List<LabNode> nodes() {
        return List.copyOf(nodes);
    }

    public List<LabNode> managers() {
        return nodes.stream().filter(LabNode::isManager).toList();
    }

    public List<LabNode> workers() {
        return nodes.stream().filter(n -> !n.isManager()).toList();
    }

    public LabNode node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lab node " + name + " in " + nodes));
    }

    /** The manager that initialised the Swarm (its leader until something changes that). */
    public LabNode leader() {
        return nodes.get(0);
    }

    /** The Swarm's cluster ID (also the stand-in UCP's instance ID). */
    public String clusterId() {
        return clusterId;
    }

    /** The unencrypted ed25519 key every node accepts for {@link #LOGIN_USER}. */
    public Path clientKey() {
        return clientKey;
    }

    /** A known_hosts file with every node's host keys, by address. */
    public Path knownHosts() {
        return knownHosts;
    }

    /** The address of this machine on the lab network, where a server the test starts is reachable from the nodes. */
    public String gateway() {
        return gateway;
    }

    /**
     * Serves the stand-in UCP API from {@code api} (e.g. a fake UCP server on loopback): from then on port 443 of
     * every manager relays there, for as long as that manager's {@code ucp-controller} container runs.
     */
    public void routeUcpApiTo(java.net.InetSocketAddress api) {
        ucpApi.routeTo(api);
    }

    /** Where clients find the UCP API: the leader's address, port 443. */
    public String ucpApiUrl() {
        return "https://" + leader().address();
    }

    /** MKE 3's Kubernetes: the real kube-apiserver the managers run, on real etcd (ucp-kv), with the seeded objects. */
    public Mke3Kubernetes mke3Kubernetes() {
        return mke3Kube;
    }

    /** The MKE 4k cluster the k0s stand-in runs on the managers, once an upgrade installed it. */
    public NewCluster newCluster() {
        return newCluster;
    }

    public Timings timings() {
        return timings;
    }

    /** An unwind/Ansible INI inventory: groups {@code managers} and {@code workers}, and {@code cluster} of both. */
    public String inventoryIni() {
        StringBuilder sb = new StringBuilder();
        for (LabNode.Role role : LabNode.Role.values()) {
            sb.append('[').append(role == LabNode.Role.MANAGER ? "managers" : "workers").append("]\n");
            for (LabNode n : nodes) {
                if (n.role() == role) {
                    sb.append(n.name());
                    n.hostVars().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
                    sb.append('\n');
                }
            }
            sb.append('\n');
        }
        return sb.append("[cluster:children]\nmanagers\nworkers\n").toString();
    }

    /** Writes {@link #inventoryIni()} to {@code file} and returns it. */
    public Path writeInventory(Path file) {
        try {
            Files.writeString(file, inventoryIni(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops and removes every node (with its engine's volume) and the network; safe to call twice. */
    @Override
    public synchronized void close() {
        if (!nodes.isEmpty()) {
            parallel(nodes, n -> {
                n.container().stop();
                return null;
            });
            nodes.clear();
        }
        if (ucpApi != null) {
            ucpApi.close();
            ucpApi = null;
        }
        if (mke3Kube != null) {
            mke3Kube.close();
            mke3Kube = null;
        }
        if (network != null) {
            network.close();
            network = null;
        }
        if (dir != null) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
            dir = null;
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down
            }
        }
        shutdownHook = null;
    }

    private interface NodeTask {
        Object run(LabNode n) throws Exception;
    }

    private static void parallel(List<LabNode> on, NodeTask task) {
        if (on.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(on.size());
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (LabNode n : on) {
                futures.add(pool.submit((Callable<Object>) () -> task.run(n)));
            }
            RuntimeException first = null;
            for (Future<Object> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    RuntimeException r = c instanceof RuntimeException re ? re : new IllegalStateException(c.getMessage(), c);
                    if (first == null) {
                        first = r;
                    } else {
                        first.addSuppressed(r);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void keygen(Path key) throws IOException {
        try {
            Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "unwind-swarm-lab", "-f", key.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("ssh-keygen failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Pauses every node's ucp-agent as MKE does (the label {@code com.docker.ucp.agent-pause=true}, set from the leader)
     * and waits for the agents' next round, after which they leave stopped components stopped.
     */
    public void pauseAgents() {
        for (LabNode n : nodes) {
            leader().sh("docker node update --label-add com.docker.ucp.agent-pause=true " + n.sh("docker info --format '{{.Swarm.NodeID}}'"));
        }
        pause(3000);
    }

    /** Sleeps, failing (with the interrupt kept) when interrupted. */
    public static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
