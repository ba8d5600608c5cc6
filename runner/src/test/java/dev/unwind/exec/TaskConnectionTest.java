package dev.unwind.exec;

import dev.unwind.local.LocalConnection;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.DirectFiles;
import dev.unwind.module.ExecResult;
import dev.unwind.testing.SshdHosts;
import dev.unwind.testing.TestUsers;
import dev.unwind.transport.TransportOptions;
import dev.unwind.transport.ssh.SshSettings;
import dev.unwind.transport.ssh.SshTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection a changing task is given (the host's live connection, its {@code timeout:}, its task marker) moves
 * files the way the transport can best: a large file over SFTP, then one command to sync and rename it, not through
 * the shell in pieces; and where files do go through the shell, every command of the transfer is marked like any
 * other command of the task.
 */
class TaskConnectionTest {
    @RegisterExtension
    static SshdHosts sshd = new SshdHosts(1);

    @TempDir
    Path dir;

    @Test
    void aChangingTasksConnectionStreamsALargeFileOverSftp() throws Exception {
        Path src = random(dir.resolve("big.bin"), Connection.CHUNK * 2 + 7);
        Path hostDir = Files.createDirectories(dir.resolve("host"));
        if (TestUsers.canCreate()) {
            TestUsers.run(List.of("chmod", "755", dir.toString()), null);
            TestUsers.run(List.of("chown", TestUsers.loginUser(), hostDir.toString()), null);
        }
        TransportOptions options = new TransportOptions(null, null, null, "strict", null, null, Duration.ofSeconds(5), 5);
        try (SshTransport transport = new SshTransport(options, SshSettings.isolated(sshd.fleet().knownHosts()))) {
            Connection live = new LiveConnection(transport, "h1", sshd.fleet().host(0).hostVars(), null);
            Connection task = TaskMarker.marking(TimedConnection.of(live, 30), hostDir.resolve("lock.task").toString());
            int sftp = sessions("subsystem 'sftp'");
            int commands = sessions("command");

            task.put(src, hostDir.resolve("big.bin").toString(), "0640");

            assertThat(Files.mismatch(src, hostDir.resolve("big.bin"))).isEqualTo(-1L);
            assertThat(sessions("subsystem 'sftp'") - sftp).as("SFTP sessions in the sshd log").isEqualTo(1);
            assertThat(sessions("command") - commands).as("commands in the sshd log: the sync and rename").isEqualTo(1);
        }
    }

    @Test
    void whereFilesGoThroughTheShellEveryCommandIsMarked() throws Exception {
        Recording shell = new Recording(new LocalConnection("h1"));
        String marker = dir.resolve("lock.task").toString();
        Connection task = TaskMarker.marking(TimedConnection.of(shell, 30), marker);
        Path big = random(dir.resolve("big.bin"), Connection.CHUNK + 3);

        task.put(new byte[]{1, 2, 3}, dir.resolve("small").toString(), null);
        task.put(big, dir.resolve("copy.bin").toString(), null);
        assertThat(task.get(dir.resolve("small").toString())).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        assertThat(task.get(dir.resolve("copy.bin").toString(), got)).isTrue();

        assertThat(got.toByteArray()).isEqualTo(Files.readAllBytes(big));
        assertThat(shell.scripts).hasSizeGreaterThan(4).allSatisfy(s -> assertThat(s).contains(marker));
        assertThat(Path.of(marker)).as("each command removes the marker when it ends").doesNotExist();
    }

    /** How many sessions of a kind the host's sshd has logged ("Starting session: command for ..."). */
    private static int sessions(String kind) {
        Matcher m = Pattern.compile("Starting session: " + Pattern.quote(kind) + " ").matcher(sshd.fleet().host(0).log());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Path random(Path file, int size) throws Exception {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return Files.write(file, b);
    }

    /** A connection without a direct way, recording the scripts it is given. */
    private record Recording(Connection inner, List<String> scripts) implements Connection {
        Recording(Connection inner) {
            this(inner, new CopyOnWriteArrayList<>());
        }

        @Override
        public String host() {
            return inner.host();
        }

        @Override
        public ExecResult exec(Command command) throws ConnectionException {
            scripts.add(command.script());
            return inner.exec(command);
        }

        @Override
        public Optional<DirectFiles> direct() {
            return Optional.empty();
        }
    }
}
