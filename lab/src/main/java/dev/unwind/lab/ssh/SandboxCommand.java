package dev.unwind.lab.ssh;

import dev.unwind.lab.scenario.FaultSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One SSH {@code exec} request: a real {@code /bin/sh -c COMMAND} in the node's sandbox, its stdin, stdout
 * and stderr wired to the channel. A command fault answers instead of running; a dropped connection closes
 * the session at once.
 */
final class SandboxCommand implements Command {
    private final String command;
    private final NodeShell shell;
    private final CommandFaults faults;
    private final ExecutorService pumps;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Process process;

    SandboxCommand(String command, NodeShell shell, CommandFaults faults, ExecutorService pumps) {
        this.command = command;
        this.shell = shell;
        this.faults = faults;
        this.pumps = pumps;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        Optional<FaultSpec> fault = faults.onCommand(command);
        if (fault.isPresent() && fault.get() instanceof FaultSpec.ConnectionDrops) {
            channel.getSession().close(true);
            return;
        }
        if (fault.isPresent() && fault.get() instanceof FaultSpec.CommandFails f) {
            pumps.submit(() -> {
                try {
                    err.write((f.stderr() + "\n").getBytes(StandardCharsets.UTF_8));
                    err.flush();
                } catch (IOException e) {
                    // the client went away: nobody to tell
                }
                exit.onExit(f.exitCode());
            });
            return;
        }
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command).directory(shell.sandbox().toFile());
        pb.environment().clear();
        pb.environment().putAll(shell.environment());
        Process p = pb.start();
        process = p;
        Future<?> stdout = pumps.submit(() -> copy(p.getInputStream(), out));
        Future<?> stderr = pumps.submit(() -> copy(p.getErrorStream(), err));
        pumps.submit(() -> feed(in, p.getOutputStream()));
        pumps.submit(() -> {
            int code;
            try {
                code = p.waitFor();
                stdout.get();
                stderr.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                code = 130;
            } catch (Exception e) {
                code = 255;
            }
            shell.afterCommand().run();
            exit.onExit(code);
        });
    }

    private static Void copy(InputStream from, OutputStream to) {
        byte[] buf = new byte[16384];
        try (from) {
            int n;
            while ((n = from.read(buf)) >= 0) {
                to.write(buf, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // the channel closed under us: the process's output has nowhere to go
        }
        return null;
    }

    private static void feed(InputStream from, OutputStream to) {
        byte[] buf = new byte[16384];
        try (to) {
            int n;
            while ((n = from.read(buf)) >= 0) {
                to.write(buf, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // the process stopped reading, or the channel closed
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
