package dev.unwind.transport.ssh;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ExecResult;
import dev.unwind.transport.TransportOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The transport alone, the way a linear playbook drives it: for each of M tasks, run {@code true} on every host
 * (at most {@code forks} at a time) and wait for all before the next task. Used by {@code bench/ssh.sh}.
 *
 * <p>Arguments: HOSTS_FILE (lines "name address port") USER KEY KNOWN_HOSTS TASKS FORKS
 */
public final class SshTransportBench {

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: SshTransportBench HOSTS_FILE USER KEY KNOWN_HOSTS TASKS FORKS");
            System.exit(2);
        }
        List<String[]> hosts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                hosts.add(line.strip().split("\\s+"));
            }
        }
        int tasks = Integer.parseInt(args[4]);
        int forks = Integer.parseInt(args[5]);
        TransportOptions options = new TransportOptions(args[1], Path.of(args[2]), null, "strict", null, null,
                Duration.ofSeconds(10), forks);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(forks);
        try (SshTransport transport = new SshTransport(options, SshSettings.isolated(Path.of(args[3])))) {
            Map<String, Connection> connections = new LinkedHashMap<>();
            List<Future<Connection>> opening = new ArrayList<>();
            for (String[] h : hosts) {
                Map<String, Object> vars = Map.of("ansible_host", h[1], "ansible_port", h[2]);
                opening.add(pool.submit(() -> transport.connect(h[0], vars)));
            }
            for (Future<Connection> f : opening) {
                Connection c = f.get();
                connections.put(c.host(), c);
            }
            long connected = System.nanoTime();
            for (int t = 0; t < tasks; t++) {
                List<Future<ExecResult>> running = new ArrayList<>();
                for (Connection c : connections.values()) {
                    running.add(pool.submit(() -> c.exec(Command.of("true"))));
                }
                for (Future<ExecResult> f : running) {
                    if (!f.get().ok()) {
                        throw new IllegalStateException("a command failed: " + f.get().stderr());
                    }
                }
            }
            long done = System.nanoTime();
            System.err.printf("unwind-transport: %d hosts x %d tasks: connect %.0f ms, commands %.0f ms (%.2f ms per task round)%n",
                    hosts.size(), tasks, (connected - start) / 1e6, (done - connected) / 1e6,
                    (done - connected) / 1e6 / tasks);
        } finally {
            pool.shutdownNow();
        }
    }
}
