package dev.unwind.exec;

import dev.unwind.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** throttle caps how many hosts run a task at once; any_errors_fatal on a block ends the play for every host. */
class ThrottleAndFatalBlocksTest {
    @TempDir
    Path root;

    private Path inventory() throws IOException {
        Path ini = root.resolve("hosts.ini");
        StringBuilder s = new StringBuilder("[web]\n");
        for (String h : new String[] {"web1", "web2", "web3"}) {
            s.append(h).append(" ansible_connection=local unwind_lock_path=").append(root.resolve("lock-" + h)).append('\n');
        }
        Files.writeString(ini, s);
        return ini;
    }

    /** Each host holds a directory for a moment; one that finds it taken saw another host run at the same time. */
    private Cli.Result overlapping(String throttle) throws IOException {
        Path out = Files.createDirectories(root.resolve("out" + throttle.length()));
        Path site = root.resolve("site" + throttle.length() + ".yml");
        Files.writeString(site, """
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: one at a time?
                      shell: mkdir %1$s/busy 2>/dev/null || echo ${inventory_hostname} >> %1$s/overlap; sleep 0.4; rmdir %1$s/busy 2>/dev/null; true
                      changed_when: false
                %2$s
                """.formatted(out, throttle));
        return new Cli(root.resolve("home")).run("play", site.toString(), "-i", inventory().toString());
    }

    @Test
    void throttleOneRunsTheHostsOneAfterAnother() throws IOException {
        Cli.Result throttled = overlapping("      throttle: 1");
        Cli.Result free = overlapping("");

        assertThat(throttled.exitCode()).as(throttled.toString()).isZero();
        assertThat(free.exitCode()).as(free.toString()).isZero();
        assertThat(root.resolve("out" + "      throttle: 1".length()).resolve("overlap")).doesNotExist();
        // the same task without throttle does run side by side: the check above can fail
        assertThat(root.resolve("out0").resolve("overlap")).exists();
    }

    @Test
    void aFailureInsideAnAnyErrorsFatalBlockUnwindsEveryHostEvenUnderContinue() throws IOException {
        Path out = Files.createDirectories(root.resolve("out"));
        Path site = root.resolve("site.yml");
        Files.writeString(site, """
                - hosts: web
                  gather_facts: false
                  on_failure: continue
                  tasks:
                    - name: every host writes
                      copy: dest=%1$s/${inventory_hostname}.txt content=x
                    - name: a block whose failure is everyone's
                      any_errors_fatal: true
                      block:
                        - name: web2 fails
                          fail: msg=injected
                          when: inventory_hostname == "web2"
                """.formatted(out));

        Cli.Result r = new Cli(root.resolve("home")).run("play", site.toString(), "-i", inventory().toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        try (var files = Files.list(out)) {
            assertThat(files.toList()).as(r.toString()).isEmpty();
        }
    }
}
