package dev.unwind.mke.ucp;

import dev.unwind.tls.TlsTrust;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLContext;

/** The TLS context for an endpoint: its CA file, the JDK's trust store, or (asked for) no verification. */
final class UcpTls {
    private UcpTls() {
    }

    static SSLContext context(UcpEndpoint endpoint) {
        try {
            if (endpoint.insecure()) {
                return TlsTrust.unchecked();
            }
            if (endpoint.caFile() != null) {
                return TlsTrust.fromCaFile(endpoint.caFile());
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, null, null);
            return ctx;
        } catch (IOException | CertificateException e) {
            // TlsTrust names the CA file and what is wrong with it
            throw new UcpException(0, e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new UcpException(0, "cannot set up TLS for " + endpoint.url() + ": " + e.getMessage());
        }
    }
}
