package dev.unwind.undo;

import dev.unwind.cli.Cli;
import dev.unwind.exec.LocalHosts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controller interrupted at every task boundary: Ctrl-C (it unwinds itself and exits 130), and
 * kill -9 (then {@code unwind rollback} takes everything back from the journal alone).
 */
class InterruptedRunsTest {
    @TempDir
    Path root;
    LocalHosts hosts;
    Path inventory;

    @BeforeEach
    void hostsWithHistory() {
        hosts = new LocalHosts(root, "h1", "h2", "h3");
        inventory = hosts.inventory();
        hosts.withHistory();
    }

    @ParameterizedTest(name = "Ctrl-C at boundary {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void ctrlCUnwindsAndExits130(int boundary) throws Exception {
        Map<String, String> before = hosts.snapshot();
        ControllerProcess p = start(boundary, 1);
        ControllerProcess.awaitFile(root.resolve("paused-" + boundary), p);

        p.signal("INT");

        int code = p.waitFor();
        assertThat(code).as(p.output()).isEqualTo(130);
        assertThat(p.output()).contains("Ctrl-C").contains("INTERRUPTED");
        assertThat(hosts.snapshot()).as(p.output()).isEqualTo(before);
    }

    @Test
    void sigtermIsTreatedLikeCtrlC() throws Exception {
        Map<String, String> before = hosts.snapshot();
        ControllerProcess p = start(7, 1);
        ControllerProcess.awaitFile(root.resolve("paused-7"), p);

        p.signal("TERM");

        assertThat(p.waitFor()).as(p.output()).isEqualTo(130);
        assertThat(hosts.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "kill -9 at boundary {0}, then rollback")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void killedControllerIsRolledBackFromItsJournal(int boundary) throws Exception {
        Map<String, String> before = hosts.snapshot();
        ControllerProcess p = start(boundary, 30);
        ControllerProcess.awaitFile(root.resolve("paused-" + boundary), p);

        p.signal("KILL");
        p.waitFor();

        Cli.Result rollback = new Cli(root.resolve("home")).run("rollback", runId());
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(hosts.snapshot()).as(rollback.toString()).isEqualTo(before);
        assertThat(root.resolve("locks")).as("the killed run's locks go with its rollback").isEmptyDirectory();
    }

    @Test
    void aCrashBetweenAChangeAndItsEndIsUndoneFromWhatTheModuleAnnouncedBeforeActing() throws Exception {
        Map<String, String> before = hosts.snapshot();
        ControllerProcess p = ControllerProcess.start(root.resolve("home"),
                List.of("-Dunwind.test.crashAfterChange=edit a line"),
                "play", FaultMatrixTest.PLAYBOOK.toString(), "-i", inventory.toString(), "-f", "1");
        assertThat(p.waitFor()).isEqualTo(137);
        assertThat(hosts.snapshot()).isNotEqualTo(before);

        Cli.Result rollback = new Cli(root.resolve("home")).run("rollback", runId());

        // the change made in the window has no end in the journal, but its undo was journaled before it was made
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).contains("'edit a line' was running on h1 when the run stopped");
        assertThat(hosts.snapshot()).as(rollback.toString()).isEqualTo(before);
    }

    private ControllerProcess start(int boundary, int pauseSeconds) throws IOException {
        return ControllerProcess.start(root.resolve("home"), List.of(), "play", FaultMatrixTest.PLAYBOOK.toString(),
                "-i", inventory.toString(), "-e", "pause_at=" + boundary, "-e", "pause_seconds=" + pauseSeconds);
    }

    private String runId() throws IOException {
        try (var s = Files.list(root.resolve("home/runs"))) {
            return s.map(x -> x.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }
}
