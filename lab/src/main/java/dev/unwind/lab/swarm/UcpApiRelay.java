package dev.unwind.lab.swarm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host end of the stand-in UCP API: the managers' {@code ucp-controller} containers relay their port 443 to
 * this socket on the lab network's gateway, and it relays on to wherever the test serves the API (an in-process
 * fake on loopback), set at any time with {@link #routeTo}. Plain TCP both ways, so TLS passes through untouched.
 * Before a route is set, connections are closed at once.
 */
final class UcpApiRelay implements AutoCloseable {
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile InetSocketAddress target;

    UcpApiRelay(String bindAddress) {
        try {
            server = new ServerSocket(0, 50, InetAddress.getByName(bindAddress));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the lab gateway " + bindAddress + ": " + e.getMessage(), e);
        }
        Thread accept = new Thread(this::acceptAll, "ucp-api-relay");
        accept.setDaemon(true);
        accept.start();
    }

    /** The address the containers relay to: the gateway and this relay's port. */
    String upstream() {
        return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    void routeTo(InetSocketAddress api) {
        this.target = api;
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                InetSocketAddress to = target;
                if (to == null) {
                    in.close();
                    continue;
                }
                Socket out = new Socket();
                try {
                    out.connect(to, 5000);
                } catch (IOException e) {
                    in.close();
                    continue;
                }
                open.add(in);
                open.add(out);
                pump(in, out);
                pump(out, in);
            } catch (IOException e) {
                // closed, or one connection failed: the next accept tells which
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream i = from.getInputStream(); OutputStream o = to.getOutputStream()) {
                i.transferTo(o);
            } catch (IOException ignored) {
                // the other side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "ucp-api-relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        open.forEach(this::closeQuietly);
    }
}
