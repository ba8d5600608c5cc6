package dev.unwind.exec;

import dev.unwind.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two runs never change a host at once: a held lock fails the second run fast, naming its holder; it is taken over
 * only when its owner is provably gone (this machine: its pid has ended; another machine: no heartbeat).
 */
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

    @Test
    void aLockWhoseControllerPidHasEndedIsTakenOverAtOnce() throws Exception {
        LocalHosts hosts = new LocalHosts(root, "h1");
        Path inv = hosts.inventory();
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        LockOwner dead = new LockOwner("20261125-000000-dead", LockOwner.Machine.ID, ended.pid(), 1, "crashed",
                "2026-11-25T00:00:00Z");
        Path lock = root.resolve("locks/h1.lock");
        Files.writeString(lock, dead.line() + "\n");

        Cli.Result r = new Cli(root.resolve("home")).run("play", playbook().toString(), "-i", inv.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("took over the lock " + lock + " from run 20261125-000000-dead")
                .contains("pid " + ended.pid()).contains("its controller has ended");
        assertThat(hosts.dir("h1").resolve("f")).exists();
        assertThat(lock).as("released at the end").doesNotExist();
    }

    @Test
    void aLockOfALiveControllerOnThisMachineIsNeverTakenOverOnAgeAlone() throws Exception {
        LocalHosts hosts = new LocalHosts(root, "h1");
        Path inv = hosts.inventory();
        // this very process, for another run: alive, however old its heartbeat
        LockOwner live = LockOwner.self("20261125-000000-a11e");
        Path lock = root.resolve("locks/h1.lock");
        Files.writeString(lock, live.line() + "\n");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(3600)));

        Cli.Result r = new Cli(root.resolve("home")).run("play", playbook().toString(), "-i", inv.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).contains("another run holds the lock " + lock + ": run 20261125-000000-a11e")
                .contains("still running on this machine");
        assertThat(hosts.dir("h1").resolve("f")).doesNotExist();
        assertThat(Files.readString(lock)).isEqualTo(live.line() + "\n");
    }

    @Test
    void anotherMachinesLockIsKeptWhileItsHeartbeatIsFreshAndTakenOverWithAMessageOnceStale() throws Exception {
        LocalHosts hosts = new LocalHosts(root, "h1");
        Path inv = hosts.inventory();
        LockOwner remote = new LockOwner("20261125-000000-cafe", "otherbox/0123abcd", 4242, 1, "bob", "2026-11-25T00:00:00Z");
        Path lock = root.resolve("locks/h1.lock");
        Files.writeString(lock, remote.line() + "\n");
        Cli cli = new Cli(root.resolve("home"));

        Cli.Result fresh = cli.run("play", playbook().toString(), "-i", inv.toString());

        assertThat(fresh.exitCode()).as(fresh.toString()).isEqualTo(2);
        assertThat(fresh.out()).contains("another run holds the lock " + lock + ": run 20261125-000000-cafe (bob@otherbox pid 4242,"
                + " since 2026-11-25T00:00:00Z)").contains("taken over only after " + HostLock.STALE_SECONDS + "s without a heartbeat");
        assertThat(hosts.dir("h1").resolve("f")).doesNotExist();

        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(HostLock.STALE_SECONDS + 30)));
        Cli.Result stale = cli.run("play", playbook().toString(), "-i", inv.toString());

        assertThat(stale.exitCode()).as(stale.toString()).isZero();
        assertThat(stale.out()).contains("took over the lock " + lock + " from run 20261125-000000-cafe (bob@otherbox pid 4242,"
                + " since 2026-11-25T00:00:00Z): no heartbeat for ");
        assertThat(hosts.dir("h1").resolve("f")).exists();
        assertThat(lock).doesNotExist();
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
