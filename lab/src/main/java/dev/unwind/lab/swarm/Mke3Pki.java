package dev.unwind.lab.swarm;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The certificates an MKE 3 installation makes, for a {@link SwarmLab}: the "MKE etcd Root CA" that ucp-kv's members
 * and clients are signed by, and the "MKE Cluster Root CA" that signs the Kubernetes API server's certificate and the
 * admin's client certificate (as an admin client bundle's), plus the service-account key pair. Each set of files is
 * laid out as the volume that holds it on a manager ({@code ucp-kv-certs}, {@code ucp-node-certs}): {@code ca.pem},
 * {@code cert.pem}, {@code key.pem}. RSA keys: every client in the lab (etcd, kube-apiserver, fabric8, kubectl) reads
 * them.
 */
final class Mke3Pki {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key and its certificate, both PEM. */
    record Issued(String certPem, String keyPem) {
    }

    private record Ca(X500Name name, KeyPair key, String certPem) {
    }

    private final Ca etcdCa = ca("MKE etcd Root CA");
    private final Ca clusterCa = ca("MKE Cluster Root CA");
    private final KeyPair serviceAccount = rsa();
    private final Issued admin = issue(clusterCa, "CN=admin,O=system:masters", List.of(), KeyPurposeId.id_kp_clientAuth);

    /** The files of the {@code ucp-kv-certs} volume of the manager at {@code address}: a server and client certificate. */
    Map<String, String> kvCerts(String address) {
        Issued member = issue(etcdCa, "CN=ucp-kv " + address, List.of(address, "127.0.0.1"), KeyPurposeId.id_kp_serverAuth,
                KeyPurposeId.id_kp_clientAuth);
        return files(etcdCa.certPem(), member);
    }

    /**
     * The files of the {@code ucp-node-certs} volume of the manager at {@code address}: the Kubernetes API server's
     * certificate (the names clients use, the service address 10.96.0.1), the cluster CA that client certificates
     * must chain to, and the service-account key pair.
     */
    Map<String, String> nodeCerts(String address) {
        Issued server = issue(clusterCa, "CN=kube-apiserver", List.of(address, "127.0.0.1", "10.96.0.1", "kubernetes",
                "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local"), KeyPurposeId.id_kp_serverAuth);
        Map<String, String> files = files(clusterCa.certPem(), server);
        files.put("sa.pub", pem("PUBLIC KEY", serviceAccount.getPublic().getEncoded()));
        files.put("sa.key", pem("PRIVATE KEY", serviceAccount.getPrivate().getEncoded()));
        return files;
    }

    /**
     * The files of the {@code ucp-cluster-root-ca} volume of a manager: the root key material of the CA that signs the
     * cluster's certificates (MKE 3.8 reference architecture, "Volumes"); here, as in the lab's kube-apiserver, also
     * the client CA of MKE 3's Kubernetes API.
     */
    Map<String, String> clusterRootCa() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cert.pem", clusterCa.certPem());
        files.put("key.pem", pem("PRIVATE KEY", clusterCa.key().getPrivate().getEncoded()));
        return files;
    }

    /** The cluster CA, as a kubeconfig's certificate-authority. */
    String clusterCaPem() {
        return clusterCa.certPem();
    }

    /** A client of group system:masters, as the admin's client bundle. */
    Issued admin() {
        return admin;
    }

    private static Map<String, String> files(String caPem, Issued issued) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("ca.pem", caPem);
        files.put("cert.pem", issued.certPem());
        files.put("key.pem", issued.keyPem());
        return files;
    }

    private static Ca ca(String cn) {
        KeyPair key = rsa();
        X500Name name = new X500Name("CN=" + cn);
        try {
            JcaX509v3CertificateBuilder b = builder(name, name, key);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            return new Ca(name, key, pem("CERTIFICATE", sign(b, key).getEncoded()));
        } catch (GeneralSecurityException | java.io.IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the lab's " + cn + ": " + e.getMessage(), e);
        }
    }

    private static Issued issue(Ca ca, String subject, List<String> names, KeyPurposeId... purposes) {
        KeyPair key = rsa();
        try {
            JcaX509v3CertificateBuilder b = builder(ca.name(), new X500Name(subject), key);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
            if (!names.isEmpty()) {
                List<GeneralName> sans = new ArrayList<>();
                for (String n : names) {
                    sans.add(new GeneralName(Character.isDigit(n.charAt(0)) ? GeneralName.iPAddress : GeneralName.dNSName, n));
                }
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
            }
            return new Issued(pem("CERTIFICATE", sign(b, ca.key()).getEncoded()), pem("PRIVATE KEY", key.getPrivate().getEncoded()));
        } catch (GeneralSecurityException | java.io.IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue the lab's certificate for " + subject + ": " + e.getMessage(), e);
        }
    }

    private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair key) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(365))), subject, key.getPublic());
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, KeyPair signer)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
