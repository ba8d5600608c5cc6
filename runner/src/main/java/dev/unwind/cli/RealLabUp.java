package dev.unwind.cli;

import dev.unwind.lab.scenario.ScenarioFile;
import dev.unwind.lab.swarm.LabNode;
import dev.unwind.lab.swarm.SwarmLab;
import dev.unwind.lab.ucp.FakeUcpServer;
import dev.unwind.lab.ucp.UcpCluster;
import dev.unwind.lab.ucp.UcpInstallation;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * {@code unwind lab up --real}: the real-node lab ({@link SwarmLab}: containers with systemd, sshd, a Docker engine
 * each, a real Swarm, MKE 3 with real etcd and a real kube-apiserver) with the UCP API in front of its leader. Writes
 * the inventory, the MKE 3 admin password and a kubeconfig for MKE 3's Kubernetes into the lab folder.
 */
final class RealLabUp {
    private final LabFolder folder;
    private final int managers;
    private final int workers;

    RealLabUp(LabFolder folder, int managers, int workers) {
        this.folder = folder;
        this.managers = managers;
        this.workers = workers;
    }

    /** Parses {@code M+W} (managers and workers), e.g. {@code 3+2}. */
    static int[] shape(String nodes) {
        String[] mw = nodes.split("\\+", -1);
        try {
            int m = Integer.parseInt(mw[0].strip());
            int w = mw.length == 2 ? Integer.parseInt(mw[1].strip()) : 0;
            if (mw.length <= 2 && m >= 1 && m <= 5 && w >= 0 && w <= 10) {
                return new int[] {m, w};
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new dev.unwind.input.InvalidInput(dev.unwind.input.Position.of("--nodes"),
                "the real lab takes --nodes MANAGERS+WORKERS, 1 to 5 managers and 0 to 10 workers (e.g. 1+1, 3+2), not " + nodes);
    }

    int run(PrintWriter out, PrintWriter err) throws Exception {
        if (!SwarmLab.dockerAvailable()) {
            err.println("unwind: the real lab needs a Docker engine, and none answers; start dockerd (as .ci/run does) and try again");
            return ExitCode.INVALID_INPUT;
        }
        Path root = folder.root();
        Files.createDirectories(root);
        long started = System.nanoTime();
        String password = "Lab-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        try (SwarmLab lab = SwarmLab.managers(managers).workers(workers)) {
            lab.start();
            UcpCluster cluster = UcpCluster.sample(ScenarioFile.builtIn("default").configToml(), password);
            try (FakeUcpServer ucp = FakeUcpServer.start(cluster, Files.createDirectories(root.resolve("ucp")),
                    new InetSocketAddress("127.0.0.1", 0), UcpInstallation.always(cluster), lab.leader().address())) {
                lab.routeUcpApiTo(new InetSocketAddress("127.0.0.1", ucp.url().getPort()));
                Path inventory = lab.writeInventory(root.resolve("hosts.ini"));
                Path kubeconfig = lab.mke3Kubernetes().writeKubeconfig(root.resolve("mke3.kubeconfig"));
                Files.setPosixFilePermissions(kubeconfig, PosixFilePermissions.fromString("rw-------"));
                Path passwordFile = root.resolve("admin-password");
                Files.writeString(passwordFile, password + "\n");
                Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
                Files.copy(ucp.caFile(), root.resolve("ucp-ca.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(folder.pidFile(), ProcessHandle.current().pid() + "\n");
                print(out, lab, inventory, kubeconfig, passwordFile, password, (System.nanoTime() - started) / 1_000_000);
                LabUpCommand.awaitStop(folder, lab::close);
                out.println("unwind lab: stopping");
            }
        }
        return ExitCode.OK;
    }

    private void print(PrintWriter out, SwarmLab lab, Path inventory, Path kubeconfig, Path passwordFile, String password, long millis)
            throws IOException {
        out.printf("unwind lab (real nodes) is up in %d ms: MKE %s, %d managers, %d workers, a real Swarm, real etcd and kube-apiserver%n",
                millis, SwarmLab.UCP_VERSION, managers, workers);
        for (LabNode n : lab.nodes()) {
            out.printf("  %-10s %-8s ssh -i %s %s@%s%n", n.name(), n.isManager() ? "manager" : "worker", lab.clientKey(),
                    SwarmLab.LOGIN_USER, n.address());
        }
        out.println();
        out.println("  inventory      " + inventory + "  (known hosts: " + lab.knownHosts() + ")");
        out.println("  MKE 3 URL      " + lab.ucpApiUrl() + "  (CA file: " + folder.root().resolve("ucp-ca.pem") + ")");
        out.println("  MKE 3 admin    admin");
        out.println("  password       " + password + "  (also in " + passwordFile + ")");
        out.println("  MKE 3's Kubernetes  " + lab.mke3Kubernetes().url() + "  (kubeconfig: " + kubeconfig + ")");
        out.println();
        out.println("Try:  kubectl --kubeconfig " + kubeconfig + " get deployments -A");
        out.println("      unwind lab seed manifests.yaml");
        out.println("Stop it with Ctrl-C or `unwind lab down`.");
        out.flush();
    }
}
