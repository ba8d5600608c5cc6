package dev.unwind.undo;

import dev.unwind.cli.Cli;
import dev.unwind.exec.LocalHosts;
import dev.unwind.exec.LockOwner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two controllers at once: a paused run keeps its hosts, a run whose lock was taken stops before touching the
 * host and leaves it to a later rollback, and a rollback never runs beside its run or another rollback of it.
 */
class ConcurrentRunsTest {
    private static final String STALE = "unwind.test.lockStaleSeconds";

    @TempDir
    Path root;
    LocalHosts hosts;
    Path inventory;
    Cli cli;

    @BeforeEach
    void hostsWithHistory() {
        hosts = new LocalHosts(root, "h1", "h2", "h3");
        inventory = hosts.inventory();
        hosts.withHistory();
        cli = new Cli(root.resolve("home"));
    }

    @AfterEach
    void defaultStaleLimit() {
        System.clearProperty(STALE);
    }

    @Test
    void aControllerStoppedLongerThanTheStaleLimitKeepsItsLocksAndFinishes() throws Exception {
        ControllerProcess first = ControllerProcess.start(root.resolve("home"), List.of("-D" + STALE + "=2"), "play",
                FaultMatrixTest.PLAYBOOK.toString(), "-i", inventory.toString(), "-e", "pause_at=3", "-e", "pause_seconds=6");
        ControllerProcess.awaitFile(root.resolve("paused-3"), first);
        String firstRun = onlyRun();

        first.signal("STOP");
        try {
            Thread.sleep(4_000);
            System.setProperty(STALE, "2");
            Cli.Result second = cli.run("play", FaultMatrixTest.PLAYBOOK.toString(), "-i", inventory.toString());

            assertThat(second.exitCode()).as(second.toString()).isEqualTo(2);
            assertThat(second.out()).contains("another run holds the lock " + root.resolve("locks/h1.lock") + ": run " + firstRun)
                    .contains("still running on this machine");
        } finally {
            first.signal("CONT");
        }

        assertThat(first.waitFor()).as(first.output()).isZero();
        assertThat(hosts.dir("h2").resolve("state")).as(first.output()).exists();
        assertThat(root.resolve("locks")).as("released at the end").isEmptyDirectory();
    }

    @Test
    void aRunWhoseLockIsTakenMidRunStopsBeforeTouchingTheHostAndLeavesItToRollback() throws Exception {
        Map<String, String> before = hosts.snapshot();
        ControllerProcess run = ControllerProcess.start(root.resolve("home"), List.of("-D" + STALE + "=2"), "play",
                FaultMatrixTest.PLAYBOOK.toString(), "-i", inventory.toString(), "-e", "pause_at=3", "-e", "pause_seconds=3");
        ControllerProcess.awaitFile(root.resolve("paused-3"), run);
        String runId = onlyRun();

        // while the run waits at a task on h2, a run on another machine takes h2's lock
        LockOwner other = new LockOwner("20261125-000000-f00d", "otherbox/0123abcd", 99, 1, "eve", "2026-11-25T00:00:00Z");
        Path lock = root.resolve("locks/h2.lock");
        Files.writeString(lock, other.line() + "\n");

        assertThat(run.waitFor()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("the lock on h2 was taken over by run 20261125-000000-f00d (eve@otherbox pid 99");
        assertThat(Files.readString(hosts.dir("h2").resolve("existing.conf"))).as("the next task never ran on h2")
                .doesNotContain("added=true");
        assertThat(only(hosts.snapshot(), "h1")).as(run.output()).isEqualTo(only(before, "h1"));
        assertThat(only(hosts.snapshot(), "h3")).isEqualTo(only(before, "h3"));
        assertThat(only(hosts.snapshot(), "h2")).as("nothing unwound over the other run").isNotEqualTo(only(before, "h2"));
        assertThat(Files.readString(lock)).isEqualTo(other.line() + "\n");

        Cli.Result held = cli.run("rollback", runId);
        assertThat(held.exitCode()).as(held.toString()).isEqualTo(3);
        assertThat(held.out()).contains("NOT undone on h2").contains("run 20261125-000000-f00d");

        Files.delete(lock);
        Cli.Result rollback = cli.run("rollback", runId);
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(hosts.snapshot()).as(rollback.toString()).isEqualTo(before);
        assertThat(root.resolve("locks")).isEmptyDirectory();
    }

    @Test
    void twoRollbacksOfOneRunAtOnceUndoOnce() throws Exception {
        Path playbook = root.resolve("stop.yml");
        Files.writeString(playbook, """
                - hosts: web
                  gather_facts: false
                  on_failure: stop
                  tasks:
                    - name: mark
                      command: touch ${base}/${inventory_hostname}/marked
                      when: inventory_hostname == "h1"
                      undo:
                        shell: rm ${base}/${inventory_hostname}/marked; touch ${base}/../undo-started; sleep 3; echo undone >> ${base}/../undos
                    - fail: msg=injected
                      when: inventory_hostname == "h1"
                """);
        Cli.Result r = cli.run("play", playbook.toString(), "-i", inventory.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        String runId = onlyRun();

        ControllerProcess first = ControllerProcess.start(root.resolve("home"), List.of(), "rollback", runId);
        ControllerProcess.awaitFile(root.resolve("undo-started"), first);
        Cli.Result second = cli.run("rollback", runId);

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
        assertThat(second.err()).contains("run " + runId + " is busy: its rollback is running (pid ");
        assertThat(first.waitFor()).as(first.output()).isZero();
        assertThat(Files.readAllLines(root.resolve("undos"))).containsExactly("undone");

        Cli.Result again = cli.run("rollback", runId);
        assertThat(again.out()).as(again.toString()).contains("nothing left to undo");
        assertThat(Files.readAllLines(root.resolve("undos"))).containsExactly("undone");
    }

    @Test
    void aRollbackOfARunStillRunningRefusesAtOnce() throws Exception {
        ControllerProcess run = ControllerProcess.start(root.resolve("home"), List.of(), "play",
                FaultMatrixTest.PLAYBOOK.toString(), "-i", inventory.toString(), "-e", "pause_at=3", "-e", "pause_seconds=3");
        ControllerProcess.awaitFile(root.resolve("paused-3"), run);
        String runId = onlyRun();

        Cli.Result rollback = cli.run("rollback", runId);

        assertThat(rollback.exitCode()).as(rollback.toString()).isEqualTo(1);
        assertThat(rollback.err()).contains("run " + runId + " is busy: its run is running (pid ");
        assertThat(run.waitFor()).as(run.output()).isZero();
        assertThat(hosts.dir("h2").resolve("state")).exists();
    }

    private String onlyRun() throws IOException {
        try (var s = Files.list(root.resolve("home/runs"))) {
            return s.map(x -> x.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
    }

    private static Map<String, String> only(Map<String, String> snapshot, String host) {
        Map<String, String> out = new java.util.TreeMap<>();
        snapshot.forEach((k, v) -> {
            if (k.equals(host) || k.startsWith(host + "/")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
