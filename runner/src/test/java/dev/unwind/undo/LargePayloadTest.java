package dev.unwind.undo;

import dev.unwind.cli.Cli;
import dev.unwind.testing.SshdHosts;
import dev.unwind.testing.TestUsers;
import dev.unwind.testing.TreeImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A file larger than the controller's whole heap, over two real sshd hosts, with the controller run as its own
 * process under {@code -Xmx64m}: it arrives new, replaces an old one, and is left alone when unchanged; a failed
 * run, a connection dropped mid-transfer, and a controller killed mid-transfer (then {@code unwind rollback}) each
 * leave every host byte-, mode- and owner-identical to where it started, with no before-image or temporary file
 * behind.
 */
class LargePayloadTest {
    private static final int MIB = 96;
    private static final List<String> SMALL_HEAP = List.of("-Xmx64m");

    @RegisterExtension
    static SshdHosts sshd = new SshdHosts(2);

    @TempDir
    Path root;
    Path inventory;
    Path hosts;

    @BeforeEach
    void hostsAndFiles() throws Exception {
        hosts = root.resolve("hosts");
        for (String h : List.of("h1", "h2")) {
            Files.createDirectories(hosts.resolve(h));
        }
        inventory = sshd.inventory(root.resolve("ssh.ini"), hosts, Files.createDirectories(root.resolve("locks")), "");
        if (TestUsers.canCreate()) {
            sh("chmod 755 " + root + " && chown -R " + TestUsers.loginUser() + ": " + hosts + " " + root.resolve("locks"));
        }
        Path files = Files.createDirectories(root.resolve("files"));
        sh("head -c " + MIB + "M /dev/urandom > " + files.resolve("one.bin") + " && head -c " + MIB + "M /dev/urandom > "
                + files.resolve("two.bin"));
        Files.writeString(root.resolve("site.yml"), playbook("one.bin", false));
    }

    @Test
    void aFileLargerThanTheHeapArrivesIsReplacedAndIsLeftAloneWhenUnchanged() throws Exception {
        ControllerProcess fresh = controller("site.yml");
        assertExit(fresh, 0);
        assertThat(fresh.output()).contains("changed=1");
        assertSameOnEveryHost("one.bin");

        Files.writeString(root.resolve("two.yml"), playbook("two.bin", false));
        ControllerProcess replace = controller("two.yml");
        assertExit(replace, 0);
        assertThat(replace.output()).contains("changed=1");
        assertSameOnEveryHost("two.bin");
        assertThat(leftovers()).as("a run that ended well removes its before-images").isEmpty();

        ControllerProcess unchanged = controller("two.yml");
        assertExit(unchanged, 0);
        assertThat(unchanged.output()).contains("changed=0").doesNotContain("changed=1");

        // an unchanged run need not read a file unwind placed, but a write behind its back is still seen: the same
        // size, the modification time put back, one byte different
        Path onH1 = hosts.resolve("h1").resolve("payload.bin");
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(onH1);
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(onH1.toFile(), "rw")) {
            f.seek(MIB * 512L * 1024);
            int b = f.read();
            f.seek(MIB * 512L * 1024);
            f.write(b ^ 1);
        }
        Files.setLastModifiedTime(onH1, modified);
        ControllerProcess edited = controller("two.yml");
        assertExit(edited, 0);
        assertThat(edited.output()).containsPattern("h1 +ok=\\d+ changed=1 ").containsPattern("h2 +ok=\\d+ changed=0 ");
        assertSameOnEveryHost("two.bin");
    }

    @Test
    void keptBeforeImagesLetALaterRollbackRestoreARunThatEndedWell() throws Exception {
        assertExit(controller("site.yml"), 0);
        Map<String, String> before = TreeImage.of(hosts);
        Files.writeString(root.resolve("two.yml"), playbook("two.bin", false));
        ControllerProcess kept = controller("two.yml", "--keep-before-images");
        assertExit(kept, 0);
        assertThat(leftovers()).as("one before-image per host").hasSize(2);

        Cli.Result r = new Cli(root.resolve("home")).run("rollback", lastRunId(), "--known-hosts", sshd.knownHosts());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TreeImage.of(hosts)).isEqualTo(before);
    }

    @Test
    void pruningOldRunsRemovesTheBeforeImagesTheyKeptAndKeepsTheChanges() throws Exception {
        assertExit(controller("site.yml"), 0);
        Files.writeString(root.resolve("two.yml"), playbook("two.bin", false));
        assertExit(controller("two.yml", "--keep-before-images"), 0);
        assertThat(leftovers()).as("one before-image per host").hasSize(2);
        Cli cli = new Cli(root.resolve("home"));

        Cli.Result bad = cli.run("runs", "prune", "--older-than", "3w");
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(5);
        assertThat(bad.err()).contains("--older-than").contains("'3w' is not an age");
        Cli.Result dry = cli.run("runs", "prune", "--older-than", "0", "--dry-run", "--known-hosts", sshd.knownHosts());
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("would prune 2 run(s)");
        assertThat(leftovers()).hasSize(2);

        Cli.Result r = cli.run("runs", "prune", "--older-than", "0", "--known-hosts", sshd.knownHosts());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("its before-images removed from the hosts").contains("pruned 2 run(s)");
        assertThat(leftovers()).isEmpty();
        assertThat(root.resolve("home/runs")).isEmptyDirectory();
        assertSameOnEveryHost("two.bin");
    }

    @Test
    void aRunThatFailsAfterReplacingTheFileRestoresTheOldBytes() throws Exception {
        assertExit(controller("site.yml"), 0);
        Map<String, String> before = TreeImage.of(hosts);

        Files.writeString(root.resolve("fail.yml"), playbook("two.bin", true));
        ControllerProcess failing = controller("fail.yml");
        assertExit(failing, 2);
        assertThat(TreeImage.of(hosts)).isEqualTo(before);
    }

    @Test
    void underBecomeTheFileTravelsThroughTheShellInPiecesAndAFailureStillRestoresIt() throws Exception {
        assumeTrue(TestUsers.canCreate() && TestUsers.sudoInstalled(), "needs root and sudo for become");
        assertExit(controller("site.yml"), 0);
        Map<String, String> before = TreeImage.of(hosts);

        Files.writeString(root.resolve("become.yml"), playbook("two.bin", true).replace("      copy:", "      become: true\n      copy:"));
        ControllerProcess failing = controller("become.yml");
        assertExit(failing, 2);
        assertThat(TreeImage.of(hosts)).isEqualTo(before);
    }

    @Test
    void aControllerKilledMidTransferIsRolledBackToTheOldBytes() throws Exception {
        MidTransfer m = replacingMidTransfer();
        Map<String, String> before = m.before();
        ControllerProcess killed = m.run();
        killed.signal("KILL");
        killed.waitFor();
        assertThat(TreeImage.of(hosts)).as("the transfer was cut off").isNotEqualTo(before);
        for (String h : List.of("h1", "h2")) {
            Path dest = hosts.resolve(h).resolve("payload.bin");
            assertThat(Files.mismatch(dest, root.resolve("files/one.bin")) == -1 || Files.mismatch(dest, root.resolve("files/two.bin")) == -1)
                    .as("%s holds the old file or the new one, never part of one", h).isTrue();
        }
        Cli.Result prune = new Cli(root.resolve("home")).run("runs", "prune", "--older-than", "0", "--known-hosts", sshd.knownHosts());
        assertThat(prune.out()).as("a run a rollback still needs is kept: %s", prune).contains("kept " + lastRunId() + " (never ended")
                .contains("unwind rollback " + lastRunId());

        Cli.Result r = new Cli(root.resolve("home")).run("rollback", lastRunId(), "--known-hosts", sshd.knownHosts());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TreeImage.of(hosts)).isEqualTo(before);
    }

    @Test
    void aConnectionDroppedMidTransferLeavesTheDestinationAsItWas() throws Exception {
        MidTransfer m = replacingMidTransfer();
        Map<String, String> before = m.before();
        ControllerProcess dropped = m.run();
        sshd.fleet().host(0).killConnections();
        int exit = dropped.waitFor();

        assertThat(exit).as("a failed run that unwound (2), or a host unreachable after unwinding (4):%n%s", dropped.output()).isIn(2, 4);
        assertThat(TreeImage.of(hosts)).as("no host keeps the new file or its temporary file").isEqualTo(before);
    }

    /** The hosts with one.bin placed, and a run putting two.bin there, caught once its transfer has begun. */
    private record MidTransfer(Map<String, String> before, ControllerProcess run) {
    }

    private MidTransfer replacingMidTransfer() throws Exception {
        assertExit(controller("site.yml"), 0);
        Map<String, String> before = TreeImage.of(hosts);
        Files.writeString(root.resolve("two.yml"), playbook("two.bin", false));
        ControllerProcess run = controller("two.yml");
        awaitTemporaryFile(run);
        return new MidTransfer(before, run);
    }

    private ControllerProcess controller(String playbook, String... more) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("play", root.resolve(playbook).toString(),
                "-i", inventory.toString(), "--known-hosts", sshd.knownHosts()));
        args.addAll(List.of(more));
        return ControllerProcess.start(root.resolve("home"), SMALL_HEAP, args.toArray(String[]::new));
    }

    /** The controller ends with {@code code}; otherwise the failure shows what it printed. */
    private static void assertExit(ControllerProcess p, int code) throws Exception {
        int exit = p.waitFor();
        assertThat(exit).as("exit code of the controller, which printed:%n%s", p.output()).isEqualTo(code);
    }

    private String playbook(String src, boolean failOnH2) {
        return "- name: a large payload\n  hosts: web\n  gather_facts: false\n  tasks:\n"
                + "    - name: the payload\n      copy: src=" + root.resolve("files").resolve(src) + " dest=${base}/${inventory_hostname}/payload.bin\n"
                + (failOnH2 ? "    - name: the run fails on h2\n      fail: msg=injected\n      when: inventory_hostname == \"h2\"\n" : "");
    }

    private void assertSameOnEveryHost(String src) throws IOException {
        long size = Files.size(root.resolve("files").resolve(src));
        for (String h : List.of("h1", "h2")) {
            Path got = hosts.resolve(h).resolve("payload.bin");
            assertThat(Files.size(got)).isEqualTo(size);
            assertThat(Files.mismatch(got, root.resolve("files").resolve(src))).as(h).isEqualTo(-1L);
        }
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.walk(hosts)) {
            return s.filter(p -> p.getFileName().toString().contains(".unwind")).toList();
        }
    }

    /** Waits until a transfer has begun writing its temporary file beside the destination. */
    private void awaitTemporaryFile(ControllerProcess p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> s = Files.walk(hosts)) {
                if (s.anyMatch(f -> f.getFileName().toString().startsWith("payload.bin.unwind.") && f.toFile().length() > 0)) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no transfer began:\n" + p.output());
    }

    private String lastRunId() throws IOException {
        try (var s = Files.list(root.resolve("home/runs"))) {
            return s.map(x -> x.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    private static void sh(String script) throws Exception {
        assertThat(new ProcessBuilder("sh", "-c", script).inheritIO().start().waitFor()).as(script).isZero();
    }
}
