package dev.unwind.playbook;

import dev.unwind.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * vars_prompt without a terminal (as in CI): -e answers a prompt, a default answers when nothing can be typed, a
 * private answer is a secret no output shows, and a prompt nothing can answer stops the run before it starts.
 */
class VarsPromptTest {
    @TempDir
    Path root;

    private Path playbook(String prompts) throws IOException {
        Path site = root.resolve("site.yml");
        Files.writeString(site, """
                - hosts: localhost
                  gather_facts: false
                  vars_prompt:
                %s
                  tasks:
                    - name: the answers
                      copy:
                        dest: %s
                        content: "${release} ${token} ${pin}\\n"
                    - debug: msg="pin is ${pin}"
                """.formatted(prompts, root.resolve("answers.txt")));
        return site;
    }

    @Test
    void defaultsAndExtraVarsAnswerAndAPrivateAnswerIsNeverShown() throws IOException {
        Path site = playbook("""
                    - name: release
                      prompt: Which release?
                      default: "1.2"
                      private: false
                    - name: token
                      prompt: The token
                    - name: pin
                      prompt: The PIN
                      default: "43219876"
                """);

        Cli.Result r = new Cli(root.resolve("home")).run("play", site.toString(), "-e", "token=given-on-the-line",
                "-e", "unwind_lock_path=" + root.resolve("lock"));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(root.resolve("answers.txt"))).isEqualTo("1.2 given-on-the-line 43219876\n");
        assertThat(r.out() + r.err()).contains("pin is ").doesNotContain("43219876");
    }

    @Test
    void aPromptNothingCanAnswerStopsTheRunBeforeItStarts() throws IOException {
        Path site = playbook("""
                    - name: release
                      prompt: Which release?
                    - name: token
                    - name: pin
                      encrypt: sha512_crypt
                """);

        Cli.Result lint = new Cli(root.resolve("home")).run("lint", site.toString());
        Files.writeString(site, Files.readString(site).replace("      encrypt: sha512_crypt\n", ""));
        Cli.Result play = new Cli(root.resolve("home")).run("play", site.toString(), "-e", "token=t", "-e", "pin=1");

        assertThat(lint.exitCode()).isEqualTo(5);
        assertThat(lint.out() + lint.err()).contains("site.yml:8:7").contains("'encrypt' (hashing the answer) is not supported");
        assertThat(play.exitCode()).as(play.toString()).isEqualTo(5);
        assertThat(play.out() + play.err()).contains("site.yml:4:7").contains("vars_prompt 'release' needs an answer")
                .contains("-e release=");
        assertThat(root.resolve("answers.txt")).doesNotExist();
    }
}
