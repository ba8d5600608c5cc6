package dev.unwind.local;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs commands on the controller with {@code /bin/sh -c}, as {@code ansible_connection=local} does. */
public final class LocalConnection implements Connection {
    private final String host;

    public LocalConnection(String host) {
        this.host = host;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public ExecResult exec(Command command) throws ConnectionException {
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command.effectiveScript());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new ConnectionException(host, "cannot start /bin/sh: " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        byte[] in = command.effectiveStdin();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(in);
        } catch (IOException ignored) {
            // the command did not read its stdin; that is its business
        }
        try {
            Duration timeout = command.timeout();
            if (timeout != null && !p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                byte[] msg = ("command timed out after " + timeout.toSeconds() + "s\n").getBytes();
                return new ExecResult(124, out.join(), concat(err.join(), msg), Duration.ofNanos(System.nanoTime() - start));
            }
            int rc = p.waitFor();
            return new ExecResult(rc, out.join(), err.join(), Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ConnectionException(host, "interrupted while running a command", e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                in.transferTo(buf);
                return buf.toByteArray();
            } catch (IOException e) {
                return new byte[0];
            }
        }, r -> {
            Thread t = new Thread(r, "local-drain");
            t.setDaemon(true);
            t.start();
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
