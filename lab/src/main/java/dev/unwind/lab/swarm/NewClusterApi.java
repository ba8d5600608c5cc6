package dev.unwind.lab.swarm;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * The MKE 4k cluster's API for a {@link SwarmLab}: fabric8's mock server in CRUD mode, over HTTPS, bound to the lab
 * network's gateway so both the nodes (the k0s stand-in registers its {@code Node} there) and the controller (the
 * test JVM, through the kubeconfig {@code k0s kubeconfig admin} prints) reach it. Expectations set through
 * {@link #server()} ({@code expect()...once()}) answer before the CRUD store: that is how a test injects an API fault.
 */
public final class NewClusterApi implements AutoCloseable {
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final String url;

    NewClusterApi(String gateway) {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
                new KubernetesMixedDispatcher(expectations, dev.unwind.lab.kube.KubeApi.MKE4K_RESOURCES), true);
        try {
            server.init(InetAddress.getByName(gateway), 0);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(gateway, e);
        }
        url = "https://" + gateway + ":" + server.getPort();
        client = server.createClient();
    }

    /** {@code https://GATEWAY:PORT}, as the nodes and the controller reach it. */
    public String url() {
        return url;
    }

    /** The lab's own client of the API. */
    public KubernetesClient client() {
        return client;
    }

    /** The mock server, for expectations (faults). */
    public KubernetesMockServer server() {
        return server;
    }

    /** The names of the Nodes the API holds now. */
    public List<String> nodeNames() {
        return client.nodes().list().getItems().stream().map(n -> n.getMetadata().getName()).sorted().toList();
    }

    /** Nodes whose Ready condition is True. */
    public List<String> readyNodeNames() {
        return client.nodes().list().getItems().stream().filter(NewClusterApi::ready).map(n -> n.getMetadata().getName()).sorted()
                .toList();
    }

    private static boolean ready(Node n) {
        return n.getStatus() != null && n.getStatus().getConditions() != null && n.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** Forgets every object and expectation (between tests). */
    public void reset() {
        server.reset();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
