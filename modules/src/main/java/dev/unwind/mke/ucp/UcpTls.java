package dev.unwind.mke.ucp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** The TLS context for an endpoint: its CA file, the JDK's trust store, or (asked for) no verification. */
final class UcpTls {
    private UcpTls() {
    }

    static SSLContext context(UcpEndpoint endpoint) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            if (endpoint.insecure()) {
                ctx.init(null, new TrustManager[] {new TrustingEverything()}, null);
            } else if (endpoint.caFile() != null) {
                ctx.init(null, trusting(endpoint).getTrustManagers(), null);
            } else {
                ctx.init(null, null, null);
            }
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new UcpException(0, "cannot set up TLS for " + endpoint.url() + ": " + e.getMessage());
        }
    }

    private static TrustManagerFactory trusting(UcpEndpoint endpoint) throws GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(endpoint.caFile())) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new UcpException(0, "cannot read the CA file " + endpoint.caFile() + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new UcpException(0, "the CA file " + endpoint.caFile() + " holds no PEM certificate: " + e.getMessage());
        }
        if (certs.isEmpty()) {
            throw new UcpException(0, "the CA file " + endpoint.caFile() + " holds no certificate");
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate c : certs) {
            ks.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf;
    }

    /**
     * Accepts any certificate. Being an extended trust manager, it also replaces the JDK's host name
     * check, which is what --insecure means.
     */
    private static final class TrustingEverything extends X509ExtendedTrustManager {
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
