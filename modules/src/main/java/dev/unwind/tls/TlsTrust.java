package dev.unwind.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

/** The TLS trust of an HTTPS client: the JDK's CAs, the CAs of a PEM file, or none checked at all. */
public final class TlsTrust {
    private TlsTrust() {
    }

    public static SSLContext systemDefault() throws GeneralSecurityException {
        return SSLContext.getDefault();
    }

    /**
     * Trusts exactly the certificates in a PEM (or DER) file; host names are still verified.
     *
     * @throws IOException the file cannot be read
     * @throws CertificateException the file holds no certificate
     */
    public static SSLContext fromCaFile(Path caFile) throws GeneralSecurityException, IOException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(caFile)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IOException("cannot read the CA file " + caFile + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new CertificateException("the CA file " + caFile + " holds no PEM certificate: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new CertificateException("the CA file " + caFile + " holds no certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate c : certs) {
            store.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /**
     * Checks nothing ({@code validate_certs: false}, {@code --insecure}). Host-name verification lives in the
     * JDK's extended trust manager, so replacing it with this one turns that off too (and only for the client
     * given this context).
     */
    public static SSLContext unchecked() throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[]{new AcceptAll()}, null);
        return ctx;
    }

    private static final class AcceptAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
