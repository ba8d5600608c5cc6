package dev.unwind.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

        Result refused = unwind(Map.of(), "play", "becomes.yml", "-i", "hosts.ini");
        assertThat(refused.code()).as(refused.out()).isEqualTo(5);
        assertThat(refused.out()).contains("becomes.yml:6:").contains("become_method su").contains(dir.resolve("ansible.cfg").toString())
                .doesNotContain("Exception");
        assertThat(dir.resolve("first")).as("nothing ran").doesNotExist();
        assertThat(unwind(Map.of(), "lint", "becomes.yml").code()).isEqualTo(5);

        assertThat(unwind(Map.of(), "play", "never.yml", "-i", "hosts.ini").code()).isZero();
        assertThat(unwind(Map.of(), "play", "sudo.yml", "-i", "hosts.ini").code()).isZero();
        // the variable is above the file
        Result byVariable = unwind(Map.of("ANSIBLE_BECOME_METHOD", "sudo"), "play", "becomes.yml", "-i", "hosts.ini");
        assertThat(byVariable.code()).as(byVariable.out()).isZero();
        Result other = unwind(Map.of("ANSIBLE_BECOME_METHOD", "doas"), "play", "sudo.yml", "-i", "hosts.ini");
        assertThat(other.code()).as(other.out()).isZero();
        Result config = unwind(Map.of("ANSIBLE_BECOME_METHOD", "doas"), "config");
        assertThat(config.out()).contains("DEFAULT_BECOME_METHOD(env: ANSIBLE_BECOME_METHOD) = doas");
    }

    private record Result(int code, String out) {
    }

    private Result unwind(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dunwind.home=" + dir.resolve("unwind-home"), "-cp", System.getProperty("java.class.path"), "dev.unwind.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("ANSIBLE_"));
        pb.environment().put("HOME", dir.resolve("home").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
