package dev.unwind.transport.ssh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Collects a channel's stderr and tells when the channel has ended. JSch closes this stream when the server
 * closes the channel (after the exit status has arrived) or when the session dies, so a caller can wait for
 * the end without polling and without a thread of its own.
 */
final class ChannelEnd extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public synchronized void write(int b) {
        bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
    }

    @Override
    public void close() {
        closed.countDown();
    }

    /** Waits for the end of the channel; false when {@code millis} (0 = forever) passed first. */
    boolean await(long millis) throws InterruptedException {
        if (millis <= 0) {
            closed.await();
            return true;
        }
        return closed.await(millis, TimeUnit.MILLISECONDS);
    }

    synchronized byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
