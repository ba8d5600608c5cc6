package dev.unwind.lab.swarm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.testcontainers.images.builder.Transferable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * MKE 3's Kubernetes in a {@link SwarmLab}: the certificates MKE keeps in each manager's {@code ucp-kv-certs} and
 * {@code ucp-node-certs} volumes, the real kube-apiserver those managers run (as {@code ucp-kube-apiserver}, on 6443,
 * its data in the real etcd of {@code ucp-kv}), a client with the admin's certificate, and the objects the lab seeds
 * ({@code swarm/mke3-seed.yaml}: namespaces, a Deployment, a Service, Secrets, ConfigMaps, a ServiceAccount, a CRD with
 * a custom resource, and Calico's KDD resources as the Calico datastore keeps them).
 */
public final class Mke3Kubernetes implements AutoCloseable {
    /** The namespaces the seed creates: the objects in them are what "the workloads came back" is checked on. */
    static final List<String> SEEDED_NAMESPACES = List.of("dev", "shop", "tools");
    private static final String SEED = "mke3-seed.yaml";

    private final Mke3Pki pki = new Mke3Pki();
    private final String leaderAddress;
    private KubernetesClient client;

    Mke3Kubernetes(String leaderAddress) {
        this.leaderAddress = leaderAddress;
    }

    /** Fills the manager's certificate volumes (once: MKE makes them at install and keeps them across restarts). */
    void installCertificates(LabNode manager) {
        stage(manager, "ucp-kv-certs", pki.kvCerts(manager.address()));
        stage(manager, "ucp-node-certs", pki.nodeCerts(manager.address()));
        stage(manager, "ucp-cluster-root-ca", pki.clusterRootCa());
    }

    private static void stage(LabNode node, String volume, Map<String, String> files) {
        if (node.exec("docker volume inspect " + volume + " >/dev/null 2>&1").ok()) {
            return;
        }
        // not under /run: a tmpfs there hides what the outer engine copies in
        String dir = "/var/tmp/unwind-lab-pki/" + volume;
        files.forEach((name, pem) -> node.container().copyFileToContainer(
                Transferable.of(pem.getBytes(StandardCharsets.US_ASCII), name.contains("key") ? 0600 : 0644), dir + "/" + name));
        node.sh("docker volume create " + volume + " >/dev/null && docker run --rm --network none --entrypoint /bin/cp"
                + " -v " + volume + ":/dst -v " + dir + ":/src:ro mirantis/ucp-etcd:" + SwarmLab.UCP_VERSION + " -rp /src/. /dst/"
                + " && rm -rf " + dir);
    }

    /** The {@code docker run} flags of a component that uses the certificates or the store. */
    static String runFlags(String component, LabNode node, String kvCluster) {
        return switch (component) {
            case "ucp-kv" -> " -v ucp-kv:/data -v ucp-kv-certs:/etc/docker/ssl:ro -e UCP_KV_NAME=" + node.name()
                    + " -e UCP_KV_ADDRESS=" + node.address() + " -e UCP_KV_CLUSTER=" + kvCluster;
            case "ucp-cluster-root-ca" -> " -v ucp-cluster-root-ca:/etc/cfssl:ro";
            case "ucp-kube-apiserver" -> " -v ucp-kv-certs:/etc/ucp/kv:ro -v ucp-node-certs:/etc/docker/ssl:ro -e UCP_KV_ADDRESS="
                    + node.address();
            default -> "";
        };
    }

    /** ucp-kv's members, as etcd's --initial-cluster. */
    static String kvCluster(List<LabNode> managers) {
        return String.join(",", managers.stream().map(m -> m.name() + "=https://" + m.address() + ":12380").toList());
    }

    /** The API's address as the nodes and this machine reach it: the leader's 6443. */
    public String url() {
        return "https://" + leaderAddress + ":6443";
    }

    /** A client with the admin's certificate; waits (up to {@code seconds}) until the API server is ready. */
    public synchronized KubernetesClient client(int seconds) {
        if (client == null) {
            Config config = new ConfigBuilder().withMasterUrl(url()).withCaCertData(b64(pki.clusterCaPem()))
                    .withClientCertData(b64(pki.admin().certPem())).withClientKeyData(b64(pki.admin().keyPem()))
                    .withClientKeyAlgo("RSA").withRequestTimeout(10_000).withConnectionTimeout(5_000).build();
            client = new KubernetesClientBuilder().withConfig(config).build();
        }
        awaitReady(seconds);
        return client;
    }

    private void awaitReady(int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String last = "";
        while (true) {
            try {
                String ready = client.raw(url() + "/readyz");
                if (ready != null && ready.strip().equals("ok")) {
                    return;
                }
                last = String.valueOf(ready);
            } catch (KubernetesClientException e) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                last = e.getMessage() + (root == e ? "" : " (" + root + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("MKE 3's kube-apiserver at " + url() + " is not ready after " + seconds + " s: " + last);
            }
            SwarmLab.pause(500);
        }
    }

    /** Creates the seed objects, CRDs first (established before their resources). */
    void seed() {
        KubernetesClient c = client(120);
        List<HasMetadata> all;
        try (InputStream in = Mke3Kubernetes.class.getResourceAsStream(SEED)) {
            all = c.load(in).items();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<HasMetadata> crds = all.stream().filter(o -> o.getKind().equals("CustomResourceDefinition")).toList();
        for (HasMetadata crd : crds) {
            c.resource(crd).create();
        }
        for (HasMetadata crd : crds) {
            c.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                    .waitUntilCondition(d -> d != null && d.getStatus() != null && d.getStatus().getConditions() != null
                            && d.getStatus().getConditions().stream().anyMatch(k -> k.getType().equals("Established")
                                    && k.getStatus().equals("True")), 60, TimeUnit.SECONDS);
        }
        for (HasMetadata o : all) {
            if (!crds.contains(o)) {
                create(c, o);
            }
        }
    }

    private static void create(KubernetesClient c, HasMetadata o) {
        if (o instanceof GenericKubernetesResource g) {
            c.genericKubernetesResources(g.getApiVersion(), g.getKind()).resource(g).create();
        } else {
            c.resource(o).create();
        }
    }

    /**
     * Every seeded object, one line each — kind, namespace/name, UID and resourceVersion — read through the API
     * server (waiting up to 90 s for it): equal lines mean the very objects came back, not look-alikes.
     */
    public List<String> seededObjects() {
        return seededObjects(client(90));
    }

    /** The same listing from any cluster's API, e.g. MKE 4k's after the upgrade carried MKE 3's state over. */
    public static List<String> seededObjects(KubernetesClient c) {
        TreeSet<String> lines = new TreeSet<>();
        List<HasMetadata> found = new ArrayList<>();
        for (String ns : SEEDED_NAMESPACES) {
            found.add(c.namespaces().withName(ns).get());
            found.addAll(c.apps().deployments().inNamespace(ns).list().getItems());
            found.addAll(c.services().inNamespace(ns).list().getItems());
            found.addAll(c.secrets().inNamespace(ns).list().getItems());
            found.addAll(c.configMaps().inNamespace(ns).list().getItems());
            found.addAll(c.serviceAccounts().inNamespace(ns).list().getItems());
            found.addAll(c.genericKubernetesResources("example.com/v1", "Widget").inNamespace(ns).list().getItems());
        }
        found.addAll(c.genericKubernetesResources("crd.projectcalico.org/v1", "IPPool").list().getItems());
        for (HasMetadata o : found) {
            if (o != null) {
                lines.add(o.getKind() + " " + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName() + " uid="
                        + o.getMetadata().getUid() + " rv=" + o.getMetadata().getResourceVersion());
            }
        }
        return List.copyOf(lines);
    }

    /** A kubeconfig for the admin, for kubectl. */
    public Path writeKubeconfig(Path file) {
        String kubeconfig = "apiVersion: v1\nkind: Config\nclusters:\n- name: mke3\n  cluster:\n    server: " + url()
                + "\n    certificate-authority-data: " + b64(pki.clusterCaPem()) + "\nusers:\n- name: admin\n  user:\n"
                + "    client-certificate-data: " + b64(pki.admin().certPem()) + "\n    client-key-data: " + b64(pki.admin().keyPem())
                + "\ncontexts:\n- name: mke3\n  context:\n    cluster: mke3\n    user: admin\ncurrent-context: mke3\n";
        try {
            Files.writeString(file, kubeconfig, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The etcdctl flags a manager's ucp-kv takes from inside its container (MKE 3: endpoint and certificates by hand). */
    public static String etcdctlFlags() {
        return "--endpoints https://127.0.0.1:2379 --cacert /etc/docker/ssl/ca.pem --cert /etc/docker/ssl/cert.pem"
                + " --key /etc/docker/ssl/key.pem";
    }

    private static String b64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
