package dev.unwind.module;

/** The host could not be reached or the connection was lost: the host is unreachable, not failed. */
public class ConnectionException extends Exception {
    private final String host;

    public ConnectionException(String host, String reason, Throwable cause) {
        super(host + ": " + reason, cause);
        this.host = host;
    }

    public ConnectionException(String host, String reason) {
        this(host, reason, null);
    }

    public String host() {
        return host;
    }
}
