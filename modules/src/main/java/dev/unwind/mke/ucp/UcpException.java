package dev.unwind.mke.ucp;

/** The UCP API could not be reached or refused a request; {@code status} is 0 when no answer came. */
public final class UcpException extends RuntimeException {
    private final int status;

    public UcpException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
