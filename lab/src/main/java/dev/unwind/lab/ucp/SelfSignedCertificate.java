package dev.unwind.lab.ucp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A key pair and a self-signed certificate for localhost, 127.0.0.1 (and one more address), made in
 * process, so that clients can verify the server with a real CA file ({@link #caFile()}) instead of
 * trusting everything.
 */
public final class SelfSignedCertificate {
    private final Path caFile;
    private final SSLContext sslContext;

    private SelfSignedCertificate(Path caFile, SSLContext sslContext) {
        this.caFile = caFile;
        this.sslContext = sslContext;
    }

    public static SelfSignedCertificate create(Path dir) {
        return create(dir, "127.0.0.1");
    }

    /** A certificate for localhost, 127.0.0.1 and {@code ip}; its PEM is written to {@code dir/ca.pem}. */
    public static SelfSignedCertificate create(Path dir, String ip) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair key = g.generateKeyPair();
            X500Name name = new X500Name("CN=ucp-controller (unwind lab)");
            Instant now = Instant.now();
            List<GeneralName> sans = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
            if (!ip.equals("127.0.0.1")) {
                InetAddress.getByName(ip); // a literal address: refuse a name here
                sans.add(new GeneralName(GeneralName.iPAddress, ip));
            }
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(30))), name, key.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));

            Path ca = dir.resolve("ca.pem");
            Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            char[] password = new char[0];
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("ucp", key.getPrivate(), password, new java.security.cert.Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return new SelfSignedCertificate(ca, ctx);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the lab's certificate: " + e.getMessage(), e);
        }
    }

    /** The certificate in PEM: give it to the client as its CA file. */
    public Path caFile() {
        return caFile;
    }

    public SSLContext sslContext() {
        return sslContext;
    }
}
