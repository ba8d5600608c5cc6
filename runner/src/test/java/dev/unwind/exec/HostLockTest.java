package dev.unwind.exec;

import dev.unwind.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Two runs never change a host at once: a held lock fails the second run fast; a stale one is taken over. */
class HostLockTest {
    @TempDir
    Path root;

    @Test
    void aHostLockedByAnotherRunFailsFastNamingTheHolder() throws Exception {
        LocalHosts hosts = new LocalHosts(root, "h1");
        Path inv = hosts.inventory();
        Path lock = root.resolve("locks/h1.lock");
        Files.writeString(lock, "20261125-000000-beef alice@ops pid 42\n");
        Path pb = playbook();

        long start = System.nanoTime();
        Cli.Result r = new Cli(root.resolve("home")).run("play", pb.toString(), "-i", inv.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertThat(r.out()).contains("another run holds the lock " + lock).contains("20261125-000000-beef alice@ops pid 42");
        assertThat(hosts.dir("h1").resolve("f")).doesNotExist();
        assertThat(Files.readString(lock)).contains("beef");
    }

    @Test
    void aStaleLockIsTakenOverAndReleasedAtTheEnd() throws Exception {
        LocalHosts hosts = new LocalHosts(root, "h1");
        Path inv = hosts.inventory();
        Path lock = root.resolve("locks/h1.lock");
        Files.writeString(lock, "20261125-000000-dead crashed@ops pid 7\n");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(HostLock.STALE_SECONDS + 30)));

        Cli.Result r = new Cli(root.resolve("home")).run("play", playbook().toString(), "-i", inv.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(hosts.dir("h1").resolve("f")).exists();
        assertThat(lock).as("released at the end").doesNotExist();
    }

    private Path playbook() throws Exception {
        Path pb = root.resolve("pb.yml");
        Files.writeString(pb, """
                - hosts: web
                  gather_facts: false
                  tasks:
                    - file: path=${base}/${inventory_hostname} state=directory
                    - copy: dest=${base}/${inventory_hostname}/f content=x
                """);
        return pb;
    }
}
