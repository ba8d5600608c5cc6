package dev.unwind.lab.ucp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A key pair and certificate for 127.0.0.1/localhost made with the JDK's keytool, so that clients
 * can verify the server with a real CA file ({@link #caFile()}) instead of trusting everything.
 */
public final class SelfSignedCertificate {
    private final Path caFile;
    private final SSLContext sslContext;

    private SelfSignedCertificate(Path caFile, SSLContext sslContext) {
        this.caFile = caFile;
        this.sslContext = sslContext;
    }

    public static SelfSignedCertificate create(Path dir) {
        String password = UUID.randomUUID().toString();
        Path keystore = dir.resolve("ucp.p12");
        Path ca = dir.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        keytool(List.of(keytool, "-genkeypair", "-alias", "ucp", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=ucp-controller (unwind lab)", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password));
        keytool(List.of(keytool, "-exportcert", "-rfc", "-alias", "ucp", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", password, "-file", ca.toString()));
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return new SelfSignedCertificate(ca, ctx);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the lab's certificate: " + e.getMessage(), e);
        }
    }

    private static void keytool(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + out.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the lab's certificate", e);
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
