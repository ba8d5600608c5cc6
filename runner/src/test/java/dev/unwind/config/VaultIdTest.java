package dev.unwind.config;

import dev.unwind.testing.Processes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Vault secrets with labels, as ansible-playbook takes them: {@code --vault-id label@file}, {@code label@script} (what
 * it prints), ansible.cfg's {@code vault_identity_list} and {@code ANSIBLE_VAULT_IDENTITY_LIST}; files and values
 * encrypted by {@code ansible-vault --vault-id} ({@code $ANSIBLE_VAULT;1.2;AES256;label}) in the inventory (a whole
 * group_vars file, an inline host_vars value), a vars_files file and an {@code -e @file} are opened by unwind as by
 * ansible-playbook, the label's secret first, then the others (unless vault_id_match); the values are secrets.
 */
class VaultIdTest {
    private static final String DEV_PASS = "Dev-Vault-Pass-1";
    private static final String PROD_PASS = "Prod-Vault-Pass-2";
    private static final String GROUP = "Group-Secret-3";
    private static final String HOST = "Host-Secret-4";
    private static final String FILE = "VarsFile-Secret-5";
    private static final String EXTRA = "Extra-Secret-6";
    private static final List<String> ALL = List.of(DEV_PASS, PROD_PASS, GROUP, HOST, FILE, EXTRA);

    @TempDir
    Path dir;
    Path work;
    Path home;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ansible-vault")), "ansible is not installed (apt-get install -y ansible)");
        work = Files.createDirectories(dir.resolve("project"));
        home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(work.resolve("out"));
        Files.writeString(work.resolve("dev-pass"), DEV_PASS + "\n");
        Path script = work.resolve("prod-pass.sh");
        Files.writeString(script, "#!/bin/sh\necho '" + PROD_PASS + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(work.resolve("inventory/group_vars"));
        Files.writeString(work.resolve("inventory/hosts.ini"), "[web]\nweb1 ansible_connection=local\n");
        Files.writeString(work.resolve("inventory/group_vars/web.yml"), "group_token: " + GROUP + "\n");
        Files.createDirectories(work.resolve("vars"));
        Files.writeString(work.resolve("vars/secret.yml"), "file_token: " + FILE + "\n");
        Files.writeString(work.resolve("extra.yml"), "extra_token: " + EXTRA + "\n");
        run(Map.of(), "/usr/bin/ansible-vault", "encrypt", "--vault-id", "prod@prod-pass.sh", "inventory/group_vars/web.yml", "extra.yml");
        run(Map.of(), "/usr/bin/ansible-vault", "encrypt", "--vault-id", "dev@dev-pass", "vars/secret.yml");
        String inline = run(Map.of(), "/usr/bin/ansible-vault", "encrypt_string", "--vault-id", "dev@dev-pass", HOST, "--name", "host_token");
        Files.createDirectories(work.resolve("inventory/host_vars"));
        Files.writeString(work.resolve("inventory/host_vars/web1.yml"), inline.substring(inline.indexOf("host_token:")));
        assertThat(Files.readString(work.resolve("extra.yml"))).startsWith("$ANSIBLE_VAULT;1.2;AES256;prod");
        assertThat(Files.readString(work.resolve("vars/secret.yml"))).startsWith("$ANSIBLE_VAULT;1.2;AES256;dev");
        String play = """
                - hosts: web
                  gather_facts: false
                  vars_files: [vars/secret.yml]
                  tasks:
                    - copy:
                        content: "%s"
                        dest: "%s/out/%s.txt"
                      no_log: true
                    - debug: msg="shown %s"
                """;
        Files.writeString(work.resolve("ansible.yml"), play.formatted("{{ group_token }} {{ host_token }} {{ file_token }} {{ extra_token }}",
                work, "ansible", "{{ host_token }}"));
        Files.writeString(work.resolve("site.yml"), play.formatted("${group_token} ${host_token} ${file_token} ${extra_token}",
                work, "unwind", "${host_token}"));
    }

    @Test
    void labelledSecretsFromFilesAndScriptsOpenWhatAnsibleVaultEncryptedWithThem() throws Exception {
        List<String> ids = List.of("--vault-id", "dev@dev-pass", "--vault-id", "prod@" + work.resolve("prod-pass.sh"));
        run(Map.of(), args(List.of("/usr/bin/ansible-playbook", "-i", "inventory/hosts.ini", "ansible.yml", "-e", "@extra.yml"), ids));
        String unwind = unwind(Map.of(), args(List.of("play", "site.yml", "-i", "inventory/hosts.ini", "-e", "@extra.yml"), ids));

        assertThat(work.resolve("out/ansible.txt")).hasContent(GROUP + " " + HOST + " " + FILE + " " + EXTRA);
        assertThat(work.resolve("out/unwind.txt")).as(unwind).hasContent(Files.readString(work.resolve("out/ansible.txt")));
        assertThat(unwind).contains("shown ********");
        noSecretIn(unwind);
    }

    @Test
    void aPromptIsOneSourceAmongOthers() throws Exception {
        // no terminal: the prompt reads the line typed on stdin
        Processes.Result r = Processes.run(work, home, Map.of(), Processes.unwind(dir.resolve("unwind-home"), List.of("play", "site.yml",
                "-i", "inventory/hosts.ini", "-e", "@extra.yml", "--vault-id", "dev@prompt", "--vault-id", "prod@prod-pass.sh")), DEV_PASS + "\n");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(work.resolve("out/unwind.txt")).hasContent(GROUP + " " + HOST + " " + FILE + " " + EXTRA);
        noSecretIn(r.out());
    }

    @Test
    void theIdentityListOfAnsibleCfgAndItsVariableAndTheOrderOfTrying() throws Exception {
        // listed in the configuration, the wrong way round: each envelope's label picks its secret first
        Files.writeString(work.resolve("ansible.cfg"), "[defaults]\ninventory = inventory/hosts.ini\nvault_identity_list = prod@"
                + work.resolve("prod-pass.sh") + ", dev@" + work.resolve("dev-pass") + "\n");
        run(Map.of(), "/usr/bin/ansible-playbook", "ansible.yml", "-e", "@extra.yml");
        noSecretIn(unwind(Map.of(), "play", "site.yml", "-e", "@extra.yml"));
        assertThat(work.resolve("out/unwind.txt")).hasContent(Files.readString(work.resolve("out/ansible.txt")));
        Files.delete(work.resolve("ansible.cfg"));

        // the variable; labels that match no envelope: every secret is tried in turn (vault_id_match is off)
        Files.delete(work.resolve("out/unwind.txt"));
        Map<String, String> env = Map.of("ANSIBLE_VAULT_IDENTITY_LIST", "one@" + work.resolve("prod-pass.sh") + ",two@" + work.resolve("dev-pass"));
        noSecretIn(unwind(env, "play", "site.yml", "-i", "inventory/hosts.ini", "-e", "@extra.yml"));
        assertThat(work.resolve("out/unwind.txt")).hasContent(Files.readString(work.resolve("out/ansible.txt")));

        // vault_id_match: an envelope labelled dev opens with a secret labelled dev only
        Map<String, String> match = new java.util.HashMap<>(env);
        match.put("ANSIBLE_VAULT_ID_MATCH", "True");
        Processes.Result refused = unwindResult(match, "play", "site.yml", "-i", "inventory/hosts.ini", "-e", "@extra.yml");
        assertThat(refused.code()).as(refused.out()).isEqualTo(5);
        assertThat(refused.out()).contains("group_vars/web.yml").contains("no vault secret decrypts").doesNotContain("Exception");
        noSecretIn(refused.out());

        // what unwind config shows
        String config = unwind(match, "config");
        assertThat(config).contains("DEFAULT_VAULT_IDENTITY_LIST(env: ANSIBLE_VAULT_IDENTITY_LIST) = ['one@")
                .contains("DEFAULT_VAULT_ID_MATCH(env: ANSIBLE_VAULT_ID_MATCH) = True");
    }

    private void noSecretIn(String output) throws IOException {
        for (String s : ALL) {
            assertThat(output).as("the output shows " + s).doesNotContain(s);
        }
        Path runs = dir.resolve("unwind-home");
        if (!Files.exists(runs)) {
            return;
        }
        try (Stream<Path> files = Files.walk(runs)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String s : ALL) {
                    assertThat(text).as("%s holds %s", f, s).doesNotContain(s);
                }
            }
        }
    }

    private static String[] args(List<String> first, List<String> more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(more);
        return all.toArray(String[]::new);
    }

    private String unwind(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Processes.Result r = unwindResult(env, args);
        assertThat(r.code()).as(r.out()).isZero();
        return r.out();
    }

    private Processes.Result unwindResult(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return Processes.run(work, home, env, Processes.unwind(dir.resolve("unwind-home"), List.of(args)));
    }

    private String run(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        Processes.Result r = Processes.run(work, home, env, List.of(cmd));
        assertThat(r.code()).as("%s:\n%s", String.join(" ", cmd), r.out()).isZero();
        return r.out();
    }
}
