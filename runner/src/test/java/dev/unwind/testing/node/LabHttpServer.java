package dev.unwind.testing.node;

import com.sun.net.httpserver.HttpServer;
import dev.unwind.lab.swarm.SwarmLab;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of a folder served over HTTP at the lab network's gateway, where the nodes reach the controller. */
public final class LabHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final String base;

    private LabHttpServer(HttpServer server, String base) {
        this.server = server;
        this.base = base;
    }

    public static LabHttpServer serving(Path served, SwarmLab lab) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(lab.gateway()), 0), 0);
            server.createContext("/", ex -> {
                Path file = served.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
                boolean ok = file.startsWith(served) && Files.isRegularFile(file);
                byte[] body = ok ? Files.readAllBytes(file) : new byte[0];
                ex.sendResponseHeaders(ok ? 200 : 404, ok ? body.length : -1);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new LabHttpServer(server, "http://" + lab.gateway() + ":" + server.getAddress().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of the served folder, as the nodes reach it. */
    public String base() {
        return base;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
