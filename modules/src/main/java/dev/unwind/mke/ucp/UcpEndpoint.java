package dev.unwind.mke.ucp;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the UCP API is and how to trust it.
 *
 * @param caFile   PEM certificates to trust (the MKE 3 CA), or null for the JDK's trust store
 * @param insecure trust any certificate and any host name: only when the operator asked for it
 * @param timeout  per request
 * @param pageSize the {@code limit} of paginated lists
 */
public record UcpEndpoint(URI url, Path caFile, boolean insecure, Duration timeout, int pageSize) {

    public UcpEndpoint {
        if (caFile != null && insecure) {
            throw new IllegalArgumentException("give either a CA file or insecure, not both");
        }
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        pageSize = pageSize <= 0 ? 100 : pageSize;
        String s = url.toString();
        url = s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : url;
    }

    public static UcpEndpoint withCa(URI url, Path caFile) {
        return new UcpEndpoint(url, caFile, false, null, 0);
    }

    public static UcpEndpoint insecure(URI url) {
        return new UcpEndpoint(url, null, true, null, 0);
    }

    public UcpEndpoint withTimeout(Duration t) {
        return new UcpEndpoint(url, caFile, insecure, t, pageSize);
    }

    public UcpEndpoint withPageSize(int size) {
        return new UcpEndpoint(url, caFile, insecure, timeout, size);
    }
}
