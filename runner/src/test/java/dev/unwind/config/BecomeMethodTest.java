package dev.unwind.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.unwind.testing.Processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code [privilege_escalation] become_method} and {@code ANSIBLE_BECOME_METHOD} are every play's default as in Ansible:
 * sudo (written, or by default) becomes as before; another method, which unwind does not have, stops a run that would
 * become with it before anything runs, naming the task and where the method came from, and a playbook's own
 * {@code become_method: sudo} wins over it. A run that never becomes does not care, as Ansible does not.
 */
class BecomeMethodTest {
    @TempDir
    Path dir;

    @Test
    void theConfiguredMethodIsTheDefaultOfEveryPlay() throws Exception {
        Files.writeString(dir.resolve("ansible.cfg"), "[privilege_escalation]\nbecome_method = su\n");
        Files.writeString(dir.resolve("hosts.ini"), "web1 ansible_connection=local\n");
        String play = """
                - hosts: all
                  gather_facts: false
                  %s
                  tasks:
                    - file: {path: "%s/first", state: touch}
                    - name: as root
                      command: id -un
                      changed_when: false
                      become: %s
                """;
        Files.writeString(dir.resolve("becomes.yml"), play.formatted("", dir, "true"));
        Files.writeString(dir.resolve("never.yml"), play.formatted("", dir, "false"));
        Files.writeString(dir.resolve("sudo.yml"), play.formatted("become_method: sudo", dir, "true"));

        Processes.Result refused = unwind(Map.of(), "play", "becomes.yml", "-i", "hosts.ini");
        assertThat(refused.code()).as(refused.out()).isEqualTo(5);
        assertThat(refused.out()).contains("becomes.yml:6:").contains("become_method su").contains(dir.resolve("ansible.cfg").toString())
                .doesNotContain("Exception");
        assertThat(dir.resolve("first")).as("nothing ran").doesNotExist();
        assertThat(unwind(Map.of(), "lint", "becomes.yml").code()).isEqualTo(5);

        assertThat(unwind(Map.of(), "play", "never.yml", "-i", "hosts.ini").code()).isZero();
        assertThat(unwind(Map.of(), "play", "sudo.yml", "-i", "hosts.ini").code()).isZero();
        // the variable is above the file
        Processes.Result byVariable = unwind(Map.of("ANSIBLE_BECOME_METHOD", "sudo"), "play", "becomes.yml", "-i", "hosts.ini");
        assertThat(byVariable.code()).as(byVariable.out()).isZero();
        Processes.Result other = unwind(Map.of("ANSIBLE_BECOME_METHOD", "doas"), "play", "sudo.yml", "-i", "hosts.ini");
        assertThat(other.code()).as(other.out()).isZero();
        Processes.Result config = unwind(Map.of("ANSIBLE_BECOME_METHOD", "doas"), "config");
        assertThat(config.out()).contains("DEFAULT_BECOME_METHOD(env: ANSIBLE_BECOME_METHOD) = doas");
    }

    private Processes.Result unwind(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return Processes.run(dir, dir.resolve("home"), env, Processes.unwind(dir.resolve("unwind-home"), List.of(args)));
    }
}
