package dev.unwind.undo;

import dev.unwind.cli.Cli;
import dev.unwind.testing.SshdHosts;
import dev.unwind.testing.TestUsers;
import dev.unwind.testing.TreeImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A randomized schedule of faults over a playbook that uses every changing module, on two real sshd hosts: the
 * controller killed (-9), interrupted (SIGTERM), its SSH connections killed, or a task failed, each at a random
 * moment. Whatever happens, the promise holds: an exit of 2, 4 or 130 (or a rollback's 0) means both hosts are
 * byte-, mode-, owner- and link-identical to where they started; an exit of 3 names what is left.
 * <p>
 * CI runs {@code unwind.faults.count} faults (8 by default) from seed {@code unwind.faults.seed}; bench/faults.sh
 * runs hundreds and prints the table this writes to {@code target/fault-schedule.txt}.
 */
class RandomFaultScheduleTest {
    static final Path PLAYBOOK = Path.of("src/test/resources/playbooks/schedule/site.yml").toAbsolutePath();
    static final List<String> TASKS = List.of("app directory", "new config", "overwrite an existing file", "render a page",
            "add a line", "add a block", "a slow command with its undo", "touch a marker", "a link to the config",
            "repoint an existing link", "remove an old file", "remove a data tree", "tighten a tool", "one file per item",
            "another slow command");
    @RegisterExtension
    static SshdHosts sshd = new SshdHosts(2);

    enum Fault { KILL, TERM, SSH_DROP, TASK_FAILS }

    @TempDir
    Path root;

    @Test
    void noFaultAtAnyMomentLeavesAHostChangedWithoutSayingSo() throws Exception {
        int count = Integer.getInteger("unwind.faults.count", 8);
        long seed = Long.getLong("unwind.faults.seed", 20261202L);
        Files.createDirectories(root.resolve("hosts"));
        Files.createDirectories(root.resolve("locks"));
        if (TestUsers.canCreate()) {
            sh("chmod 755 " + root + " && chown -R " + TestUsers.loginUser() + ": " + root.resolve("hosts") + " " + root.resolve("locks"));
        }
        long cleanMillis = cleanRunMillis();
        Map<String, Integer> table = new TreeMap<>();
        List<String> broken = new ArrayList<>();
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
            long delay = (long) (random.nextDouble() * cleanMillis);
            String task = TASKS.get(random.nextInt(TASKS.size()));
            String outcome = runOne(i, fault, delay, task, random, broken);
            table.merge(fault + " -> " + outcome, 1, Integer::sum);
        }
        StringBuilder report = new StringBuilder("fault schedule: " + count + " faults from seed " + seed
                + " (a clean run takes " + cleanMillis + " ms)\n");
        table.forEach((k, v) -> report.append(String.format("  %-40s %4d%n", k, v)));
        report.append("  promise broken: ").append(broken.size()).append('\n');
        broken.forEach(b -> report.append("    ").append(b).append('\n'));
        Files.writeString(Path.of("target/fault-schedule.txt"), report);
        System.out.print(report);
        assertThat(broken).as(report.toString()).isEmpty();
    }

    /** One fault; returns how it ended ("unwound", "rolled back", "named what is left", …) and records a broken promise. */
    private String runOne(int i, Fault fault, long delayMillis, String task, Random random, List<String> broken) throws Exception {
        String what = "#" + i + " " + fault + (fault == Fault.TASK_FAILS ? " after '" + task + "'" : " at " + delayMillis + " ms");
        Path inventory = reset(i);
        Map<String, String> before = TreeImage.of(root.resolve("hosts"));
        List<String> args = new ArrayList<>(List.of("play", PLAYBOOK.toString(), "-i", inventory.toString(),
                "--known-hosts", sshd.knownHosts()));
        if (fault == Fault.TASK_FAILS) {
            args.addAll(List.of("--fail-after-task", task));
        }
        ControllerProcess p = ControllerProcess.start(root.resolve("home"), List.of(), args.toArray(String[]::new));
        if (fault != Fault.TASK_FAILS) {
            Thread.sleep(delayMillis);
            switch (fault) {
                case KILL -> p.signal("KILL");
                case TERM -> p.signal("TERM");
                case SSH_DROP -> sshd.fleet().host(random.nextInt(2)).killConnections();
                default -> throw new IllegalStateException();
            }
        }
        int code = p.waitFor();
        String out = p.output();
        if (code == 0 || code == 137 || code == 143) {
            // finished before the fault, or killed: the journal alone must take every host back
            Cli.Result rollback = new Cli(root.resolve("home")).run("rollback", lastRunId(), "--known-hosts", sshd.knownHosts());
            return judge(what + " then rollback", rollback.exitCode(), rollback.out(), before, broken, code == 0 ? "completed, rolled back" : "rolled back");
        }
        return judge(what, code, out, before, broken, "unwound (exit " + code + ")");
    }

    private String judge(String what, int code, String out, Map<String, String> before, List<String> broken, String ok) {
        Map<String, String> after = TreeImage.of(root.resolve("hosts"));
        boolean identical = after.equals(before);
        switch (code) {
            case 0, 2, 4, 130 -> {
                if (!identical) {
                    broken.add(what + ": exit " + code + " but the hosts differ: " + difference(before, after));
                    return "BROKEN";
                }
                return ok;
            }
            case 3 -> {
                if (!out.contains("NOT undone on")) {
                    broken.add(what + ": exit 3 without naming what is left:\n" + out);
                    return "BROKEN";
                }
                return "exit 3, named what is left";
            }
            default -> {
                broken.add(what + ": exit " + code + ":\n" + out);
                return "BROKEN";
            }
        }
    }

    private static String difference(Map<String, String> before, Map<String, String> after) {
        Map<String, String> diff = new TreeMap<>();
        before.forEach((k, v) -> {
            if (!v.equals(after.get(k))) {
                diff.put(k, v + " => " + after.get(k));
            }
        });
        after.forEach((k, v) -> diff.putIfAbsent(k, before.containsKey(k) ? diff.get(k) : "(new) " + v));
        diff.values().removeIf(java.util.Objects::isNull);
        return diff.toString();
    }

    /** Both hosts as the schedule's playbook finds them, and an inventory with this fault's own lock files. */
    private Path reset(int i) throws IOException {
        for (String name : List.of("h1", "h2")) {
            Path d = root.resolve("hosts").resolve(name);
            sh("rm -rf " + d);
            Files.createDirectories(d.resolve("data/sub"));
            Files.writeString(d.resolve("existing.conf"), "keep=yes\n");
            Files.writeString(d.resolve("old.txt"), "old\n");
            Files.writeString(d.resolve("data/records"), "r1\nr2\n");
            Files.writeString(d.resolve("data/sub/deep"), "deep\n");
            Files.writeString(d.resolve("tool"), "#!/bin/sh\n");
            Files.writeString(d.resolve("ledger"), "start\n");
            Files.createSymbolicLink(d.resolve("link"), Path.of("old.txt"));
            sh("chmod 0755 " + d.resolve("tool") + " && chmod 0600 " + d.resolve("existing.conf"));
        }
        if (TestUsers.canCreate()) {
            sh("chown -R " + TestUsers.loginUser() + ": " + root.resolve("hosts"));
        }
        return sshd.inventory(root.resolve("inventory-" + i + ".ini"), root.resolve("hosts"), root.resolve("locks"), i + "-");
    }

    /** How long the playbook takes from the controller's start to its end, undisturbed (then rolled back). */
    private long cleanRunMillis() throws Exception {
        Path inventory = reset(-1);
        Map<String, String> before = TreeImage.of(root.resolve("hosts"));
        long start = System.nanoTime();
        ControllerProcess p = ControllerProcess.start(root.resolve("home"), List.of(), "play", PLAYBOOK.toString(),
                "-i", inventory.toString(), "--known-hosts", sshd.knownHosts());
        assertThat(p.waitFor()).as(p.output()).isZero();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(TreeImage.of(root.resolve("hosts"))).as("the playbook changes every host").isNotEqualTo(before);
        Cli.Result rollback = new Cli(root.resolve("home")).run("rollback", lastRunId(), "--known-hosts", sshd.knownHosts());
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(TreeImage.of(root.resolve("hosts"))).as(rollback.toString()).isEqualTo(before);
        return millis;
    }

    private String lastRunId() throws IOException {
        try (var s = Files.list(root.resolve("home/runs"))) {
            return s.map(x -> x.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    private static void sh(String script) {
        assertThat(TestUsers.run(List.of("sh", "-c", script), null)).as(script).isZero();
    }
}
