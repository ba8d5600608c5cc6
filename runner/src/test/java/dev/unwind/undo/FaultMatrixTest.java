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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twelve changing tasks on three hosts, a failure injected at every task boundary in turn: afterwards
 * every host's files are byte-identical, mode-identical, to the snapshot taken before the run.
 */
class FaultMatrixTest {
    static final Path PLAYBOOK = Path.of("src/test/resources/playbooks/faults/site.yml").toAbsolutePath();
    static final int BOUNDARIES = 13;

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

    @ParameterizedTest(name = "failure at boundary {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void aFailingTaskUnwindsEveryHostToItsSnapshot(int boundary) {
        Map<String, String> before = hosts.snapshot();

        Cli.Result r = cli.run("play", PLAYBOOK.toString(), "-i", inventory.toString(), "-e", "fail_at=" + boundary);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).contains("UNWOUND");
        assertThat(hosts.snapshot()).as(r.toString()).isEqualTo(before);
    }

    @Test
    void withoutAFaultTheRunChangesEveryHost() {
        Map<String, String> before = hosts.snapshot();

        Cli.Result r = cli.run("play", PLAYBOOK.toString(), "-i", inventory.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(hosts.snapshot()).isNotEqualTo(before);
        assertThat(hosts.dir("h1").resolve("data.moved/records")).exists();
    }

    @ParameterizedTest(name = "unwind_host at boundary {0}")
    @ValueSource(ints = {3, 8, 12})
    void unwindHostTakesBackOnlyTheFailedHost(int boundary) throws IOException {
        Map<String, String> before = hosts.snapshot();
        Path playbook = variant("on_failure: unwind_host");

        Cli.Result r = cli.run("play", playbook.toString(), "-i", inventory.toString(), "-e", "fail_at=" + boundary);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        Map<String, String> after = hosts.snapshot();
        assertThat(only(after, "h2")).as(r.toString()).isEqualTo(only(before, "h2"));
        assertThat(hosts.dir("h1").resolve("state")).as("h1 went on to the end").exists();
        assertThat(hosts.dir("h3").resolve("state")).exists();
    }

    @ParameterizedTest(name = "stop then rollback at boundary {0}")
    @ValueSource(ints = {1, 6, 12})
    void stopKeepsTheJournalAndRollbackTakesItBackTwiceSafely(int boundary) throws IOException {
        Map<String, String> before = hosts.snapshot();
        Path playbook = variant("on_failure: stop");

        Cli.Result r = cli.run("play", playbook.toString(), "-i", inventory.toString(), "-e", "fail_at=" + boundary);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(hosts.snapshot()).isNotEqualTo(before);
        String runId = lastRunId();
        assertThat(r.out()).contains("unwind rollback " + runId);

        Cli.Result rollback = cli.run("rollback", runId);
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(hosts.snapshot()).isEqualTo(before);

        Cli.Result again = cli.run("rollback", runId);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("nothing left to undo");
        assertThat(hosts.snapshot()).isEqualTo(before);
    }

    @Test
    void pastThePointOfNoReturnNothingIsUnwoundAndTheUserIsTold() throws IOException {
        String text = Files.readString(PLAYBOOK).replace("    - name: render a template\n",
                "    - name: render a template\n      point_of_no_return: true\n");
        Path playbook = root.resolve("pnr.yml");
        Files.writeString(playbook, text);
        Files.createDirectories(root.resolve("templates"));
        Files.copy(PLAYBOOK.getParent().resolve("templates/page.ftl"), root.resolve("templates/page.ftl"));

        Cli.Result r = cli.run("play", playbook.toString(), "-i", inventory.toString(), "-e", "fail_at=9");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).contains("past the point of no return").contains("manual recovery").contains("h2: render a template");
        assertThat(hosts.dir("h2").resolve("app/page.html")).exists();
    }

    private Path variant(String onFailure) throws IOException {
        Path p = root.resolve("variant.yml");
        Files.writeString(p, Files.readString(PLAYBOOK).replace("  gather_facts: false\n", "  gather_facts: false\n  " + onFailure + "\n"));
        Files.createDirectories(root.resolve("templates"));
        Files.copy(PLAYBOOK.getParent().resolve("templates/page.ftl"), root.resolve("templates/page.ftl"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return p;
    }

    private String lastRunId() throws IOException {
        try (var s = Files.list(root.resolve("home/runs"))) {
            return s.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
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
