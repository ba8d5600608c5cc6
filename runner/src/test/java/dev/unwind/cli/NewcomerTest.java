package dev.unwind.cli;

import dev.unwind.testing.AnsiblePlaybook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A newcomer's first hour: how localhost is reached, what debug prints, the TASK banner's name (each side by
 * side with ansible-playbook), a task's timeout over a long render, and the tour in examples/site.yml.
 */
class NewcomerTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path root;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(root.resolve("home"));
    }

    /** No -i is Ansible's implicit localhost (local); an explicit one is SSH; -e ansible_connection=local wins over it. */
    @Test
    void localhostIsReachedAsAnsibleReachesIt() throws Exception {
        Path dir = folder("reach");
        // beside the playbook, so both tools read it: the implicit localhost gets all's variables too
        write(dir.resolve("group_vars/all.yml"), "unwind_lock_path: " + dir.resolve("lock") + "\n");
        write(dir.resolve("play.yml"), "- hosts: localhost\n  gather_facts: false\n  tasks:\n"
                + "    - command: 'true'\n      changed_when: false\n");
        for (List<String> args : List.<List<String>>of(List.of(), List.of("-i", "localhost,"),
                List.of("-i", "localhost,", "-e", "ansible_connection=local"))) {
            Cli.Result ours = play(dir.resolve("play.yml"), args);
            String theirs = ansible(dir, "play.yml", args);
            assertThat(unreachable(ours.out())).as("unreachable with " + args + ": ours\n" + ours + "\nAnsible's\n" + theirs)
                    .isEqualTo(unreachable(theirs));
        }
        assertThat(unreachable(play(dir.resolve("play.yml"), List.of()).out())).isZero();
    }

    /** A run's -e ansible_connection=local is journaled: its rollback reaches the hosts the same way, not over SSH. */
    @Test
    void aRollbackReachesTheHostsAsTheRunDid() throws IOException {
        Path dir = folder("rollback");
        write(dir.resolve("group_vars/all.yml"), "unwind_lock_path: " + dir.resolve("lock") + "\n");
        write(dir.resolve("play.yml"), "- hosts: localhost\n  gather_facts: false\n  on_failure: stop\n  tasks:\n"
                + "    - copy: {dest: " + dir.resolve("made") + ", content: \"x\\n\"}\n"
                + "    - fail: {msg: stop here}\n");
        Cli.Result run = play(dir.resolve("play.yml"), List.of("-i", "localhost,", "-e", "ansible_connection=local"));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(dir.resolve("made")).exists();
        Matcher id = Pattern.compile("unwind rollback (\\S+)").matcher(run.out());
        assertThat(id.find()).as(run.toString()).isTrue();

        Cli.Result rollback = cli.run("rollback", id.group(1));

        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(dir.resolve("made")).doesNotExist();
    }

    /** debug shows its message without -v, as Ansible does; a no_log debug shows neither its message. */
    @Test
    void debugPrintsItsMessageWithoutVerbose() throws Exception {
        Path dir = folder("debug");
        write(dir.resolve("group_vars/all.yml"), "unwind_lock_path: " + dir.resolve("lock") + "\n");
        String play = "- hosts: localhost\n  gather_facts: false\n  vars: {v: '1.2'}\n  tasks:\n"
                + "    - debug: {msg: 'shown {{ v }}'}\n"
                + "    - debug: {msg: 'hidden {{ v }}'}\n      no_log: true\n"
                + "    - debug: {msg: 'item {{ item }}'}\n      loop: [a, b]\n";
        write(dir.resolve("ansible.yml"), play);
        write(dir.resolve("unwind.yml"), freemarker(play));
        String theirs = ansible(dir, "ansible.yml", List.of());
        Cli.Result ours = play(dir.resolve("unwind.yml"), List.of());
        assertThat(ours.exitCode()).as(ours.toString()).isZero();
        for (String text : List.of("shown 1.2", "item a", "item b")) {
            assertThat(theirs).contains(text);
            assertThat(ours.out()).as(ours.toString()).contains(text);
        }
        assertThat(theirs).doesNotContain("hidden 1.2");
        assertThat(ours.out()).doesNotContain("hidden 1.2");
    }

    /** Ansible's TASK banner renders the name with the first host's variables, and shows it as written when it cannot. */
    @Test
    void taskNamesAreRenderedAsAnsibleRendersThem() throws Exception {
        Path dir = folder("names");
        write(dir.resolve("hosts"), "a ansible_connection=local x=ONE unwind_lock_path=" + dir.resolve("a.lock") + "\n"
                + "b ansible_connection=local x=TWO unwind_lock_path=" + dir.resolve("b.lock") + "\n");
        String play = "- hosts: all\n  gather_facts: false\n  vars: {k0s_version: '1.31.2'}\n  tasks:\n"
                + "    - name: 'Download k0s-{{ k0s_version }}'\n      command: 'true'\n      changed_when: false\n"
                + "    - name: 'On {{ x }}'\n      command: 'true'\n      changed_when: false\n"
                + "    - name: 'Undefined {{ nope }}'\n      command: 'true'\n      changed_when: false\n"
                + "    - name: 'Registered {{ r.rc }}'\n      command: 'true'\n      changed_when: false\n      register: r\n"
                + "    - name: 'After {{ r.rc }}'\n      command: 'true'\n      changed_when: false\n";
        write(dir.resolve("ansible.yml"), play);
        write(dir.resolve("unwind.yml"), freemarker(play));
        List<String> theirs = banners(ansible(dir, "ansible.yml", List.of("-i", "hosts"))).stream()
                .map(NewcomerTest::freemarker).toList();
        Cli.Result ours = play(dir.resolve("unwind.yml"), List.of("-i", dir.resolve("hosts").toString()));
        assertThat(ours.exitCode()).as(ours.toString()).isZero();
        assertThat(theirs).contains("Download k0s-1.31.2", "On ONE", "Undefined ${nope}", "Registered ${r.rc}", "After 0");
        assertThat(banners(ours.out()).stream().filter(b -> !b.equals("Lock hosts")).toList()).isEqualTo(theirs);
    }

    /** A task's timeout bounds a template render on the controller too: the task fails, saying so. */
    @Test
    void timeoutStopsALongRender() throws IOException {
        Path dir = folder("slow");
        write(dir.resolve("group_vars/all.yml"), "unwind_lock_path: " + dir.resolve("lock") + "\n");
        write(dir.resolve("templates/slow.ftl"), "<#list 1..2000000000 as i>${i}</#list>\n");
        write(dir.resolve("play.yml"), "- hosts: localhost\n  gather_facts: false\n  tasks:\n"
                + "    - name: Render for ever\n      template: {src: slow.ftl, dest: " + dir.resolve("out") + "}\n      timeout: 2\n");
        long start = System.nanoTime();
        Cli.Result r = play(dir.resolve("play.yml"), List.of());
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).contains("timed out after 2 s");
        assertThat(dir.resolve("out")).doesNotExist();
        // the render's thread stops at its next loop step, not after two billion of them
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (rendering("slow.ftl") && System.nanoTime() < until) {
            sleep(50);
        }
        assertThat(rendering("slow.ftl")).as("the render still runs").isFalse();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean rendering(String template) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals("render " + template));
    }

    /** The tour runs exactly as its first line says, again with nothing to change, then with -C after deleting its folder. */
    @Test
    void theTourRunsAsItsFirstLineSays() throws IOException {
        Path site = REPO.resolve("examples/site.yml");
        Matcher m = Pattern.compile("run it with\\s+\\./unwind (.+)$").matcher(Files.readAllLines(site).get(0));
        assertThat(m.find()).isTrue();
        List<String> args = new ArrayList<>(Arrays.asList(m.group(1).strip().split("\\s+")));
        args.replaceAll(a -> a.equals("examples/site.yml") ? site.toString() : a);
        Path demo = Path.of("/tmp/unwind-demo");
        deleteTree(demo);
        Cli.Result first = tour(args);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("changed=4");
        Cli.Result again = tour(args);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("changed=0");
        deleteTree(demo);
        args.add("-C");
        Cli.Result check = tour(args);
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(demo).doesNotExist();
    }

    /**
     * The tour's exact command: its localhost takes the default lock, which a test of another checkout on this machine
     * may hold for a few seconds; a run that could not lock changed nothing, so it is tried again.
     */
    private Cli.Result tour(List<String> args) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Cli.Result r = cli.run(args.toArray(String[]::new));
        while (r.exitCode() != 0 && r.out().contains("another run holds the lock") && System.nanoTime() < until) {
            sleep(1000);
            r = cli.run(args.toArray(String[]::new));
        }
        return r;
    }

    private Cli.Result play(Path playbook, List<String> args) {
        List<String> all = new ArrayList<>(List.of("play", playbook.toString()));
        all.addAll(args);
        return cli.run(all.toArray(String[]::new));
    }

    /** ansible-playbook's output, whatever its exit code (an unreachable host is 4). */
    private String ansible(Path dir, String playbook, List<String> args) throws InterruptedException {
        List<String> all = new ArrayList<>(List.of(playbook));
        all.addAll(args);
        return AnsiblePlaybook.run(dir, root, all);
    }

    private static int unreachable(String recap) {
        Matcher m = Pattern.compile("unreachable=(\\d+)").matcher(recap);
        assertThat(m.find()).as("a recap in\n" + recap).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static List<String> banners(String out) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^TASK \\[(.*)]").matcher(out);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The same playbook in unwind's expressions: {@code {{ x }}} is {@code ${x}}. */
    private static String freemarker(String jinja) {
        return jinja.replace("{{ ", "${").replace(" }}", "}");
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
