package dev.unwind.testing.swarm;

import dev.unwind.lab.swarm.LabNode;
import dev.unwind.lab.swarm.NodeImage;
import dev.unwind.lab.swarm.SwarmLab;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab's k0s keeps k0s' rules, the ones an upgrade meets on real k0s (docs/lab-contract.md): its API is a real
 * kube-apiserver that serves a custom resource only once its CRD is installed; {@code token create} writes through
 * that API, so it fails until the API answers and {@code --wait} waits for it; a CA put in {@code <data-dir>/pki}
 * before the first start is the cluster's CA; {@code api.address} must be an IP address; a worker joins with a
 * token by TLS bootstrapping and its Node is Ready.
 */
@Tag("swarm-lab")
class K0sContractTest {
    static final SwarmLab lab = SwarmLab.plainNodes(2);
    @RegisterExtension
    static final SwarmLabExtension up = new SwarmLabExtension(lab);

    static final String CONFIG = """
            apiVersion: k0s.k0sproject.io/v1beta1
            kind: ClusterConfig
            metadata:
              name: k0s
            spec:
              api:
                address: %s
              storage:
                type: etcd
            """;

    @AfterEach
    void noK0sLeft() {
        for (LabNode n : lab.nodes()) {
            n.exec("k0s stop 2>/dev/null; k0s reset >/dev/null 2>&1; rm -rf /etc/k0s /var/lib/k0s /usr/local/bin/k0s");
        }
    }

    /** Installs k0s as a controller on node1 with its address in the config, starts it, waits for its status. */
    static LabNode controller() {
        LabNode n = lab.leader();
        n.sh("install -m 0755 /usr/local/share/unwind-lab/k0s /usr/local/bin/k0s && mkdir -p /etc/k0s"
                + " && printf '%s' '" + CONFIG.formatted(n.address()) + "' >/etc/k0s/k0s.yaml"
                + " && k0s install controller --enable-worker -c /etc/k0s/k0s.yaml && k0s start"
                + " && for i in $(seq 60); do k0s status >/dev/null 2>&1 && break; sleep 0.5; done; k0s status >/dev/null");
        return n;
    }

    static KubernetesClient admin() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            var client = lab.newCluster().client();
            if (client.isPresent()) {
                try {
                    client.get().namespaces().list();
                    return client.get();
                } catch (KubernetesClientException e) {
                    client.get().close();
                }
            }
            assertThat(System.nanoTime()).as("the new cluster's API never answered").isLessThan(deadline);
            SwarmUpgradeTest.sleep(500);
        }
    }

    @Test
    void tokenCreateFailsWhileTheApiDoesNotAnswerAndWaitWaitsForIt() {
        LabNode n = controller();
        admin().close();
        // the API stops answering (its process frozen): a token is a Secret written through it
        n.sh("pkill -STOP -f '^/var/lib/k0s/bin/kube-apiserver'");
        try {
            LabNode.Exec refused = n.exec("k0s token create --role worker");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.stderr()).contains("failed to create token");
            // --wait waits until it answers again
            LabNode.Exec waited = n.exec("(sleep 3; pkill -CONT -f '^/var/lib/k0s/bin/kube-apiserver') & k0s token create --role worker --wait");
            assertThat(waited.exitCode()).as(waited.stderr()).isZero();
            assertThat(waited.stdout().strip()).matches("[A-Za-z0-9+/=]{200,}");
        } finally {
            n.exec("pkill -CONT -f '^/var/lib/k0s/bin/kube-apiserver'");
        }
    }

    @Test
    void anMkeConfigIsRefusedUntilItsCrdIsInstalled() throws IOException {
        LabNode n = controller();
        GenericKubernetesResource mkeConfig = new GenericKubernetesResource();
        mkeConfig.setApiVersion("mke.mirantis.com/v1alpha1");
        mkeConfig.setKind("MkeConfig");
        mkeConfig.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("mke").withNamespace("default").build());
        mkeConfig.setAdditionalProperties(Map.of("spec", Map.of("version", "v4.1.1")));
        try (KubernetesClient k = admin()) {
            // nothing defines the kind on a new cluster: what phase 9 met before it installed MKE 4k's CRDs (asked once
            // the API is ready: before its CRD informer has synced, it answers any unknown group 503)
            n.sh("cd /var/lib/k0s/pki && for i in $(seq 1 120); do [ \"$(curl -s --cacert ca.crt --cert admin.crt --key admin.key"
                    + " https://127.0.0.1:6443/readyz)\" = ok ] && break; sleep 0.5; done");
            assertThat(n.sh("cd /var/lib/k0s/pki && curl -s -o /dev/null -w '%{http_code}' --cacert ca.crt --cert admin.crt"
                    + " --key admin.key -X POST -H 'Content-Type: application/json' -d '{\"apiVersion\":\"mke.mirantis.com/v1alpha1\","
                    + "\"kind\":\"MkeConfig\",\"metadata\":{\"name\":\"mke\"}}'"
                    + " https://127.0.0.1:6443/apis/mke.mirantis.com/v1alpha1/namespaces/default/mkeconfigs")).isEqualTo("404");

            List<HasMetadata> crds;
            try (InputStream in = Files.newInputStream(NodeImage.folder().getParent().getParent()
                    .resolve("playbooks/mke3-to-mke4k/files/mke4k-crds.yaml"))) {
                crds = k.load(in).items();
            }
            k.resourceList(crds).create();
            for (HasMetadata crd : crds) {
                k.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                        .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions().stream()
                                .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60, TimeUnit.SECONDS);
            }
            assertThat(k.resource(mkeConfig).create().getMetadata().getUid()).isNotBlank();
        }
    }

    @Test
    void aCaInThePkiFolderBeforeTheFirstStartIsTheClustersCa() {
        LabNode n = lab.leader();
        n.sh("mkdir -p /var/lib/k0s/pki && cd /var/lib/k0s/pki && openssl genrsa -out ca.key 2048 2>/dev/null"
                + " && openssl req -x509 -new -nodes -key ca.key -sha256 -days 365 -out ca.crt -subj '/CN=Custom CA'");
        String custom = n.sh("cat /var/lib/k0s/pki/ca.crt");
        controller();
        admin().close();

        assertThat(n.sh("cat /var/lib/k0s/pki/ca.crt")).isEqualTo(custom);
        // the API's serving certificate chains to it
        assertThat(n.sh("echo | openssl s_client -connect " + n.address() + ":6443 -CAfile /var/lib/k0s/pki/ca.crt 2>/dev/null"
                + " | grep 'Verify return code'")).contains("0 (ok)");
        String kubeconfig = lab.newCluster().adminKubeconfig().orElseThrow();
        assertThat(kubeconfig).contains("certificate-authority-data: "
                + java.util.Base64.getEncoder().encodeToString((custom + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .contains("server: https://" + n.address() + ":6443");
    }

    @Test
    void anApiAddressThatIsNotAnIpAddressIsRefused() {
        LabNode n = lab.leader();
        n.sh("install -m 0755 /usr/local/share/unwind-lab/k0s /usr/local/bin/k0s && mkdir -p /etc/k0s"
                + " && printf '%s' '" + CONFIG.formatted("node1.example") + "' >/etc/k0s/k0s.yaml");

        LabNode.Exec r = n.exec("timeout 30 k0s controller -c /etc/k0s/k0s.yaml");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("spec.api.address: Invalid value: \"node1.example\": invalid IP address");
        assertThat(n.exec("ss -Hltn 'sport = :6443' | grep -q .").ok()).as("nothing started").isFalse();
    }

    @Test
    void aWorkerJoinsWithItsTokenByTlsBootstrapAndIsReady() {
        LabNode c = controller();
        admin().close();
        LabNode w = lab.node("node2");
        String token = c.sh("k0s token create --role worker --wait");
        w.sh("install -m 0755 /usr/local/share/unwind-lab/k0s /usr/local/bin/k0s && mkdir -p /etc/k0s"
                + " && echo " + token + " >/etc/k0s/worker.token && k0s install worker --token-file /etc/k0s/worker.token && k0s start");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!lab.newCluster().readyNodeNames().contains("node2")) {
            assertThat(System.nanoTime()).as("node2 never became Ready: " + w.exec("journalctl -u k0sworker --no-pager | tail -5").stdout())
                    .isLessThan(deadline);
            SwarmUpgradeTest.sleep(1000);
        }
        try (KubernetesClient k = admin()) {
            // its credentials are a kubelet's: a certificate for system:node:node2 that kube-controller-manager signed
            assertThat(k.certificates().v1().certificateSigningRequests().list().getItems()).anySatisfy(csr -> {
                assertThat(csr.getSpec().getUsername()).startsWith("system:bootstrap:");
                assertThat(csr.getStatus().getCertificate()).isNotBlank();
            });
        }
        assertThat(lab.newCluster().readyNodeNames()).containsExactly("node1", "node2");
    }
}
