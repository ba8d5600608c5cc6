package dev.unwind.testing.node;

import dev.unwind.cli.Cli;
import dev.unwind.undo.ControllerProcess;
import dev.unwind.lab.swarm.LabNode;
import dev.unwind.lab.swarm.SwarmLab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Holds a playbook to unwind's promise on real nodes, as a user would see it, in one pass:
 * <ol>
 * <li>check mode exits 0, touches nothing, and predicts a change count per host;</li>
 * <li>the real run exits 0 with exactly those counts and changes the nodes;</li>
 * <li>a second run changes nothing (and check mode then predicts nothing);</li>
 * <li>{@code unwind rollback} of the real run exits 0 and every node is again as it was before;</li>
 * <li>the same playbook followed by a failing task exits 2 and leaves every node as it was before;</li>
 * <li>the controller killed ({@code kill -9}) just before a task picked at random, then {@code unwind rollback}: exit 0
 * and every node as it was before.</li>
 * </ol>
 * The playbook goes to {@code site.yml} in {@code dir}, beside any files it names; the inventory is the lab's.
 */
public final class PlayCycle {
    private static final Pattern TASK = Pattern.compile("^TASK \\[(.+)] \\(\\d+/\\d+\\)", Pattern.MULTILINE);
    private static final Pattern RECAP = Pattern.compile("^\\s+(\\S+)\\s+ok=\\d+ changed=(\\d+) failed=\\d+", Pattern.MULTILINE);

    private final SwarmLab lab;
    private final Path dir;
    private final Cli cli;
    private final Path inventory;

    public PlayCycle(SwarmLab lab, Path dir) {
        this.lab = lab;
        this.dir = dir;
        this.cli = new Cli(dir.resolve("unwind-home"));
        this.inventory = lab.writeInventory(dir.resolve("hosts.ini"));
        // sudo's first use by the login leaves ~/.sudo_as_admin_successful (Debian's admin_flag), whoever runs it
        for (LabNode n : lab.nodes()) {
            n.sh("su -s /bin/sh " + SwarmLab.LOGIN_USER + " -c 'sudo -n true'");
        }
    }

    /** Runs the whole cycle and returns what each node was after the real run. */
    public Map<String, NodeState> verify(String playbook, String... extraArgs) {
        write("site.yml", playbook);
        write("failing.yml", """
                - import_playbook: site.yml
                - name: the last task fails
                  hosts: all
                  gather_facts: false
                  tasks:
                    - fail: msg="failing at the end, on purpose"
                """);
        Map<String, NodeState> before = states();

        Cli.Result check = play("site.yml", "--check", extraArgs);
        assertThat(check.exitCode()).as("check mode:\n%s", check).isZero();
        assertSame(before, "check mode touches nothing");
        Map<String, Integer> predicted = changedByHost(check);

        List<String> runsBefore = runIds();
        Cli.Result real = play("site.yml", null, extraArgs);
        assertThat(real.exitCode()).as("real run:\n%s", real).isZero();
        assertThat(changedByHost(real)).as("check mode predicts the real run's changes, host by host\ncheck:\n%s\nreal:\n%s",
                check.out(), real.out()).isEqualTo(predicted);
        Map<String, NodeState> after = states();
        assertThat(after).as("the real run changed the nodes").isNotEqualTo(before);
        List<String> newRuns = new ArrayList<>(runIds());
        newRuns.removeAll(runsBefore);
        assertThat(newRuns).as("the real run is listed by unwind runs").hasSize(1);
        String runId = newRuns.get(0);

        Cli.Result again = play("site.yml", null, extraArgs);
        assertThat(again.exitCode()).as("second run:\n%s", again).isZero();
        assertThat(changedByHost(again).values()).as("a second run changes nothing:\n%s", again.out()).allMatch(n -> n == 0);
        Cli.Result checkAgain = play("site.yml", "--check", extraArgs);
        assertThat(changedByHost(checkAgain).values()).as("check mode after the run predicts nothing:\n%s", checkAgain.out())
                .allMatch(n -> n == 0);

        Cli.Result rollback = cli.run("rollback", runId, "--known-hosts", lab.knownHosts().toString());
        assertThat(rollback.exitCode()).as("unwind rollback %s:\n%s", runId, rollback).isZero();
        assertSame(before, "unwind rollback of the real run puts every node back");

        Cli.Result failing = play("failing.yml", null, extraArgs);
        assertThat(failing.exitCode()).as("the run failing at its last task:\n%s", failing).isEqualTo(2);
        assertSame(before, "a run failing at its last task leaves every node as it was (exit 2)");

        killedAndRolledBack(before, taskLabels(real), extraArgs);
        return after;
    }

    /** Kills the controller before a task picked at random (the seed is in every failure message), then rolls back. */
    private void killedAndRolledBack(Map<String, NodeState> before, List<String> labels, String... extraArgs) {
        long seed = System.nanoTime();
        String at = labels.get(new Random(seed).nextInt(labels.size()));
        String when = "kill -9 before task '" + at + "' (seed " + seed + ")";
        Path marker = dir.resolve("paused-" + seed);
        List<String> args = new ArrayList<>(List.of("play", dir.resolve("site.yml").toString(), "-i", inventory.toString(),
                "--known-hosts", lab.knownHosts().toString()));
        args.addAll(List.of(extraArgs));
        List<String> runsBefore = runIds();
        try {
            ControllerProcess p = ControllerProcess.start(cli.home(), List.of("-Dunwind.test.pauseBeforeTask=" + at,
                    "-Dunwind.test.pauseMarker=" + marker), args.toArray(String[]::new));
            ControllerProcess.awaitFile(marker, p);
            p.signal("KILL");
            p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<String> killed = new ArrayList<>(runIds());
        killed.removeAll(runsBefore);
        assertThat(killed).as("%s: the killed run is listed", when).hasSize(1);
        Cli.Result rollback = cli.run("rollback", killed.get(0), "--known-hosts", lab.knownHosts().toString());
        assertThat(rollback.exitCode()).as("%s, then unwind rollback:\n%s", when, rollback).isZero();
        assertSame(before, when + ", then unwind rollback");
    }

    /** The labels of the tasks a run printed, in order ({@code TASK [label] (i/n)}). */
    private static List<String> taskLabels(Cli.Result r) {
        List<String> labels = new ArrayList<>();
        Matcher m = TASK.matcher(r.out());
        while (m.find()) {
            // unwind's own steps, taking the host locks and gathering facts, run outside the task runner: no pause hook
            // there (and a kill while facts are read has nothing to take back)
            if (!m.group(1).equals("Lock hosts") && !m.group(1).equals("Gathering Facts")) {
                labels.add(m.group(1));
            }
        }
        assertThat(labels).as("tasks in:\n%s", r.out()).isNotEmpty();
        return labels;
    }

    /** Each node's state now. */
    public Map<String, NodeState> states() {
        Map<String, NodeState> s = new TreeMap<>();
        for (LabNode n : lab.nodes()) {
            s.put(n.name(), NodeState.of(n));
        }
        return s;
    }

    /** Fails, naming each part and line that differs, unless every node is as {@code expected}. */
    public void assertSame(Map<String, NodeState> expected, String what) {
        for (LabNode n : lab.nodes()) {
            NodeState now = NodeState.of(n);
            if (!now.equals(expected.get(n.name()))) {
                fail(what + ": " + n.name() + " differs:\n" + expected.get(n.name()).differences(now));
            }
        }
    }

    /** Runs {@code unwind play} on the lab with the given playbook of {@code dir}. */
    public Cli.Result play(String playbook, String mode, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("play", dir.resolve(playbook).toString(), "-i", inventory.toString(),
                "--known-hosts", lab.knownHosts().toString()));
        if (mode != null) {
            args.add(mode);
        }
        args.addAll(List.of(extraArgs));
        return cli.run(args.toArray(String[]::new));
    }

    /** Writes a file the playbook uses (beside it) and returns its path. */
    public Path write(String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Cli cli() {
        return cli;
    }

    /** The ids of the runs in this cycle's UNWIND_HOME, as {@code unwind runs} lists them. */
    public List<String> runIds() {
        List<String> ids = new ArrayList<>();
        for (String line : cli.run("runs").out().split("\n")) {
            if (!line.isBlank() && !line.startsWith("no runs yet")) {
                ids.add(line.strip().split("\\s+")[0]);
            }
        }
        return ids;
    }

    /** The recap's changed count per host. */
    public static Map<String, Integer> changedByHost(Cli.Result r) {
        Map<String, Integer> m = new TreeMap<>();
        Matcher x = RECAP.matcher(r.out());
        while (x.find()) {
            m.put(x.group(1), Integer.parseInt(x.group(2)));
        }
        assertThat(m).as("a recap in:\n%s", r.out()).isNotEmpty();
        return m;
    }
}
