package dev.unwind.transport.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import dev.unwind.module.Become;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.DirectFiles;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One host reached over one SSH session. Commands run on exec channels as {@code /bin/sh -c SCRIPT}; at most
 * {@code maxSessions} channels are open at once (OpenSSH refuses more), further callers wait their turn.
 * Files of any size move over SFTP when no become is in effect; under become the shell-based defaults of
 * {@link Connection} run through sudo. No thread is started per command: JSch's reader thread writes the
 * output into buffers and the caller waits for the channel's end.
 */
public final class SshConnection implements Connection {
    private static final int OPEN_RETRIES = 5;

    private final String host;
    private final Session session;
    private final Semaphore channels;
    private final String becomePassword;
    private volatile boolean closed;
    private volatile boolean sftpAvailable = true;

    SshConnection(String host, Session session, int maxSessions, String becomePassword) {
        this.host = host;
        this.session = session;
        this.channels = new Semaphore(maxSessions, true);
        this.becomePassword = becomePassword;
    }

    @Override
    public String host() {
        return host;
    }

    /** Whether the session is still up; a lost session is detected by JSch's reader and keepalive. */
    public boolean isOpen() {
        return !closed && session.isConnected();
    }

    /** Become, with the host's {@code ansible_become_password} (or {@code -K}) when the caller gave none. */
    @Override
    public Connection becoming(Become become) {
        if (become != null && become.password() == null && becomePassword != null) {
            become = new Become(become.user(), becomePassword);
        }
        return Connection.super.becoming(become);
    }

    @Override
    public ExecResult exec(Command command) throws ConnectionException {
        long start = System.nanoTime();
        acquire();
        ChannelExec ch = null;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChannelEnd err = new ChannelEnd();
            String line = "/bin/sh -c " + Shell.quote(command.effectiveScript());
            ch = (ChannelExec) open("exec", c -> {
                ((ChannelExec) c).setCommand(line);
                c.setOutputStream(out);
                ((ChannelExec) c).setErrStream(err);
            });
            feed(ch.getOutputStream(), command.effectiveStdin());
            Duration timeout = command.timeout();
            if (!err.await(timeout == null ? 0 : timeout.toMillis())) {
                ch.sendSignal("KILL");
                byte[] msg = ("command timed out after " + timeout.toSeconds() + "s\n").getBytes(StandardCharsets.UTF_8);
                return new ExecResult(124, out.toByteArray(), concat(err.toByteArray(), msg), since(start));
            }
            int status = ch.getExitStatus();
            if (status < 0) {
                // no exit status: the command was killed by a signal, or the connection is going down and
                // JSch has closed the channel a moment before it marks the session disconnected
                if (!sessionSurvives()) {
                    throw lost("while running a command");
                }
                // OpenSSH sends exit-signal instead of exit-status for a command killed by a signal
                return new ExecResult(255, out.toByteArray(), concat(err.toByteArray(),
                        "command ended without an exit status (killed by a signal?)\n".getBytes(StandardCharsets.UTF_8)),
                        since(start));
            }
            return new ExecResult(status, out.toByteArray(), err.toByteArray(), since(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(host, "interrupted while running a command", e);
        } catch (Exception e) {
            if (e instanceof ConnectionException ce) {
                throw ce;
            }
            if (!session.isConnected()) {
                throw lost("while running a command");
            }
            throw new ConnectionException(host, "command channel failed: " + e.getMessage(), e);
        } finally {
            if (ch != null) {
                ch.disconnect();
            }
            channels.release();
        }
    }

    /** SFTP, until the server refuses its subsystem; then the shell (and under become always the shell). */
    @Override
    public Optional<DirectFiles> direct() {
        return sftpAvailable ? Optional.of(sftpFiles) : Optional.empty();
    }

    private final DirectFiles sftpFiles = new DirectFiles() {
        @Override
        public Result put(Source content, String path, String mode) throws ConnectionException {
            try {
                sftpPut(content, path, mode);
                return Result.DONE;
            } catch (NoSftp e) {
                return Result.REFUSED;
            }
        }

        @Override
        public Result get(String path, OutputStream into) throws ConnectionException {
            try {
                return sftpGet(path, into) ? Result.DONE : Result.ABSENT;
            } catch (NoSftp e) {
                return Result.REFUSED;
            }
        }
    };

    private boolean sftpGet(String path, OutputStream into) throws ConnectionException {
        return sftp(path, sftp -> {
            SftpATTRS attrs;
            try {
                attrs = sftp.stat(path);
            } catch (SftpException e) {
                if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    return false;
                }
                throw e;
            }
            if (!attrs.isReg()) {
                return false;
            }
            sftp.get(path, into);
            return true;
        });
    }

    /**
     * Streams into a temporary file beside {@code path}, then syncs it and renames it over with one command (JSch's
     * SFTP has no fsync): a dropped transfer leaves the old file, a crash after the rename the new one.
     */
    private void sftpPut(DirectFiles.Source source, String path, String mode) throws ConnectionException {
        String tmp = sftp(path, sftp -> {
            SftpATTRS replaced = null;
            try {
                replaced = sftp.stat(path);
            } catch (SftpException e) {
                if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    throw e;
                }
            }
            int perms = mode != null ? Integer.parseInt(mode, 8) : replaced != null ? replaced.getPermissions() & 07777 : 0644;
            String t = path + ".unwind." + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
            try (InputStream in = source.open()) {
                sftp.put(in, t, ChannelSftp.OVERWRITE);
                if (replaced != null) {
                    keepOwner(sftp, t, replaced);
                }
                sftp.chmod(perms, t);
            } catch (SftpException | IOException e) {
                try {
                    sftp.rm(t);
                } catch (SftpException ignored) {
                    // nothing was left behind
                }
                throw e;
            }
            return t;
        });
        ExecResult r = exec(Command.of("t=" + Shell.quote(tmp) + " && " + SYNC_TEMPORARY + " && mv -f -- \"$t\" " + Shell.quote(path)
                + " || { rc=$?; rm -f -- \"$t\"; exit $rc; }"));
        if (!r.ok()) {
            throw new IllegalStateException("cannot write " + path + " on " + host + ": " + r.stderr().strip());
        }
    }

    /** A replaced file keeps its owner and group, as Ansible's copy does, where the login may chown (root). */
    private static void keepOwner(ChannelSftp sftp, String tmp, SftpATTRS replaced) {
        try {
            sftp.chown(replaced.getUId(), tmp);
            sftp.chgrp(replaced.getGId(), tmp);
        } catch (SftpException notPermitted) {
            // an unprivileged login cannot give a file away: the file is its own, as with any write
        }
    }

    /** The server refused the SFTP subsystem. */
    private static final class NoSftp extends RuntimeException {
        NoSftp() {
            super(null, null, false, false);
        }
    }

    private interface SftpWork<T> {
        T run(ChannelSftp sftp) throws SftpException, IOException;
    }

    private <T> T sftp(String path, SftpWork<T> work) throws ConnectionException {
        acquire();
        ChannelSftp ch = null;
        try {
            ch = (ChannelSftp) open("sftp", c -> { });
            return work.run(ch);
        } catch (SftpException | IOException e) {
            if (!session.isConnected()) {
                throw lost("while transferring " + path);
            }
            throw new IllegalStateException("cannot transfer " + path + " on " + host + ": " + e.getMessage(), e);
        } catch (JSchException e) {
            if (!session.isConnected()) {
                throw lost("while transferring " + path);
            }
            // the server offers no SFTP subsystem (some hardened hosts): files go through the shell instead
            sftpAvailable = false;
            throw new NoSftp();
        } finally {
            if (ch != null) {
                ch.disconnect();
            }
            channels.release();
        }
    }

    /**
     * A connected channel. {@code connect()} without a timeout is waited for by notification, not polled
     * (with a timeout JSch sleeps in 10 ms steps). A server still tearing down a previous channel may refuse
     * for a moment; a few quick retries, each with a fresh channel, cover that.
     */
    private com.jcraft.jsch.Channel open(String type, java.util.function.Consumer<com.jcraft.jsch.Channel> setup)
            throws JSchException, ConnectionException {
        for (int attempt = 1; ; attempt++) {
            if (!isOpen()) {
                throw lost(closed ? "(the connection was closed)" : "before opening a channel");
            }
            com.jcraft.jsch.Channel ch = session.openChannel(type);
            setup.accept(ch);
            try {
                ch.connect();
                return ch;
            } catch (JSchException e) {
                if (!session.isConnected()) {
                    throw lost("while opening a channel");
                }
                if (attempt >= OPEN_RETRIES || !String.valueOf(e.getMessage()).contains("channel is not opened")) {
                    throw e;
                }
                sleep(attempt * 5L);
            }
        }
    }

    /** Whether the session is still up a moment after a channel ended without an exit status. */
    private boolean sessionSurvives() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(1500);
        while (System.nanoTime() < deadline) {
            if (!session.isConnected()) {
                return false;
            }
            sleep(20);
        }
        return session.isConnected();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void feed(OutputStream stdin, byte[] in) {
        try (stdin) {
            if (in.length > 0) {
                stdin.write(in);
                stdin.flush();
            }
        } catch (IOException commandDidNotRead) {
            // a command that exits without reading its stdin closes the channel under us; its result tells
        }
    }

    private void acquire() throws ConnectionException {
        try {
            channels.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(host, "interrupted while waiting for a free channel", e);
        }
    }

    private ConnectionException lost(String when) {
        return new ConnectionException(host, "connection lost " + when + " (the host went down, the network "
                + "dropped, or sshd was killed)");
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Override
    public void close() {
        closed = true;
        session.disconnect();
    }

    /** Drops the session: the transport opens a new one on its next connect (a reboot, a lost link). */
    @Override
    public void reconnect() {
        close();
    }

    @Override
    public String toString() {
        return "SshConnection[" + host + "]";
    }
}
