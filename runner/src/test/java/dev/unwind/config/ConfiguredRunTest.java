package dev.unwind.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A folder laid out for Ansible: ansible.cfg names the inventory and the vault password file, a vars file is
 * ansible-vault encrypted, and so are a file include_vars reads and an {@code -e @file}. {@code unwind play site.yml} with no {@code -i}, run there, works on that inventory with
 * the decrypted values, as {@code ansible-playbook site.yml} does beside it, and the secret is in no output and no
 * file of the run.
 */
class ConfiguredRunTest {
    private static final String SECRET = "s3cr3t-Pa55-word";
    private static final String TOKEN = "t0ken-from-include-vars";
    private static final String EXTRA = "extra-vars-s3cret";

    @TempDir
    Path dir;

    @Test
    void noInventoryOptionRunsOnTheConfiguredInventoryWithTheVaultedVarsDecrypted() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ansible-vault")), "ansible is not installed (apt-get install -y ansible)");
        Path work = Files.createDirectories(dir.resolve("project"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(work.resolve("out"));
        Files.writeString(work.resolve("ansible.cfg"), """
                [defaults]
                inventory = ./inventory/hosts.ini
                vault_password_file = ./.vault-pass
                forks = 3
                """);
        Files.createDirectories(work.resolve("inventory"));
        Files.writeString(work.resolve("inventory/hosts.ini"), """
                [web]
                web1 ansible_connection=local
                web2 ansible_connection=local
                """);
        Files.writeString(work.resolve(".vault-pass"), "vault-pass-for-the-test\n");
        Files.createDirectories(work.resolve("vars"));
        Files.writeString(work.resolve("vars/secret.yml"), "db_password: " + SECRET + "\n");
        Files.writeString(work.resolve("vars/more.yml"), "api_token: " + TOKEN + "\n");
        Files.writeString(work.resolve("extra.yml"), "extra_secret: " + EXTRA + "\n");
        run(work, home, "/usr/bin/ansible-vault", "encrypt", "vars/secret.yml", "vars/more.yml", "extra.yml");
        assertThat(Files.readString(work.resolve("vars/secret.yml"))).startsWith("$ANSIBLE_VAULT;").doesNotContain(SECRET);
        String play = """
                - hosts: web
                  gather_facts: false
                  vars_files: [vars/secret.yml]
                  tasks:
                    - include_vars: vars/more.yml
                    - copy:
                        content: "%s"
                        dest: "%s/out/%s-{{ inventory_hostname }}.txt"
                      no_log: true
                """;
        Files.writeString(work.resolve("ansible.yml"), play.formatted("{{ db_password }} {{ api_token }} {{ extra_secret }}", work, "ansible"));
        Files.writeString(work.resolve("site.yml"), play.formatted("${db_password} ${api_token} ${extra_secret}", work, "unwind")
                .replace("{{ inventory_hostname }}", "${inventory_hostname}"));

        String ansible = run(work, home, "/usr/bin/ansible-playbook", "ansible.yml", "-e", "@extra.yml");
        String unwind = run(work, home, Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dunwind.home=" + dir.resolve("unwind-home"),
                "-cp", System.getProperty("java.class.path"), "dev.unwind.cli.Main", "play", "site.yml", "-e", "@extra.yml");

        for (String host : List.of("web1", "web2")) {
            assertThat(work.resolve("out/unwind-" + host + ".txt")).as(unwind).hasContent(SECRET + " " + TOKEN + " " + EXTRA);
            assertThat(Files.readString(work.resolve("out/unwind-" + host + ".txt")))
                    .isEqualTo(Files.readString(work.resolve("out/ansible-" + host + ".txt")));
        }
        assertThat(ansible).contains("web1", "web2");
        assertThat(unwind).contains("web1", "web2").doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain(EXTRA);
        try (Stream<Path> files = Files.walk(dir.resolve("unwind-home"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as("%s", f).doesNotContain(SECRET)
                        .doesNotContain(TOKEN).doesNotContain(EXTRA);
            }
        }
    }

    private static String run(Path cwd, Path home, String... cmd) throws IOException, InterruptedException {
        dev.unwind.testing.Processes.Result r = dev.unwind.testing.Processes.run(cwd, home, java.util.Map.of(), List.of(cmd));
        assertThat(r.code()).as("%s:\n%s", cmd[cmd.length - 1], r.out()).isZero();
        return r.out();
    }
}
