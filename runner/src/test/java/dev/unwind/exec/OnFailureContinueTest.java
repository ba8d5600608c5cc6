package dev.unwind.exec;

import dev.unwind.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * on_failure: continue (Ansible's way, unwind_host in unwind's words): the failed host alone is unwound, the handlers
 * whose restart it had done run again there, the other host keeps its changes; a host that cannot be unwound ends the
 * run "incomplete" (exit 3), never "failed and unwound".
 */
class OnFailureContinueTest {
    @TempDir
    Path root;

    private Path site(String undoOfTheLastChange) throws IOException {
        Path ini = root.resolve("hosts.ini");
        StringBuilder s = new StringBuilder("[web]\n");
        for (String h : new String[] {"web1", "web2"}) {
            Path d = Files.createDirectories(root.resolve(h));
            Files.writeString(d.resolve("app.conf"), "old\n");
            Files.writeString(d.resolve("running.conf"), "old\n");
            s.append(h).append(" ansible_connection=local dir=").append(d).append(" unwind_lock_path=").append(root.resolve("lock-" + h)).append('\n');
        }
        Files.writeString(ini, s);
        Path site = root.resolve("site.yml");
        Files.writeString(site, """
                - hosts: web
                  gather_facts: false
                  on_failure: continue
                  tasks:
                    - name: new config
                      copy: dest=${dir}/app.conf content="new\\n"
                      notify: reload
                    - name: a change whose undo may fail
                      command: touch ${dir}/touched
                      %s
                  post_tasks:
                    - name: web2 fails
                      fail: msg=injected
                      when: inventory_hostname == "web2"
                  handlers:
                    - name: reload
                      command: cp ${dir}/app.conf ${dir}/running.conf
                      undo: none
                      reason: a reload, taken back by reloading on the restored config
                """.formatted(undoOfTheLastChange));
        return site;
    }

    @Test
    void theFailedHostAloneIsUnwoundAndReloadedOnItsOldConfig() throws IOException {
        Path site = site("undo: {file: \"path=${dir}/touched state=absent\"}");

        Cli.Result r = new Cli(root.resolve("home")).run("play", site.toString(), "-i", root.resolve("hosts.ini").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(root.resolve("web2/app.conf")).hasContent("old");
        assertThat(root.resolve("web2/running.conf")).as(r.toString()).hasContent("old");
        assertThat(root.resolve("web2/touched")).doesNotExist();
        assertThat(root.resolve("web1/running.conf")).hasContent("new");
        assertThat(r.out()).contains("RUNNING HANDLER [reload] again, after the unwind");
    }

    @Test
    void aHostThatCannotBeUnwoundEndsTheRunIncomplete() throws IOException {
        Path site = site("undo: {command: \"false\"}");

        Cli.Result r = new Cli(root.resolve("home")).run("play", site.toString(), "-i", root.resolve("hosts.ini").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).contains("could not unwind everything on web2");
    }
}
