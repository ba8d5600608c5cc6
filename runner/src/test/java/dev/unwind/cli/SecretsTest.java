package dev.unwind.cli;

import dev.unwind.inventory.vault.VaultCipher;
import dev.unwind.inventory.vault.VaultSecret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret from every source (inline and whole-file vault, inventory passwords under their aliases, a no_log
 * extra var, a no_log task's registered output, the vault password itself) never shows in the terminal, the -D
 * diffs, --json, run.log, journal.jsonl or any other file of the run; ordinary words are never masked.
 */
class SecretsTest {
    private static final String VAULT_PASSWORD = "Vault-Pass-8";
    private static final String INLINE = "Inline-Vault-1";
    private static final String GROUP = "Group-Vault-2";
    private static final String FILE = "File-Vault-3";
    private static final String BECOME = "Become-Pw-4";
    private static final String SUDO = "Sudo-Pw-5";
    private static final String SSH = "Ssh-Pw-6";
    private static final String EXTRA = "Extra-NoLog-7";
    private static final String REGISTERED = "Registered-Out-9";
    private static final List<String> ALL = List.of(VAULT_PASSWORD, INLINE, GROUP, FILE, BECOME, SUDO, SSH, EXTRA, REGISTERED);

    @TempDir
    Path root;
    Cli cli;
    Path inventory;
    Path playbook;
    Path passwordFile;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(root.resolve("home"));
        VaultSecret secret = VaultSecret.of(VAULT_PASSWORD);
        passwordFile = write("vault-pass", VAULT_PASSWORD + "\n");
        Path hosts = root.resolve("hosts/h1");
        Files.createDirectories(hosts);
        Files.createDirectories(root.resolve("locks"));
        inventory = write("inv/hosts.yml", "web:\n  hosts:\n    h1:\n"
                + "      ansible_connection: local\n"
                + "      d: " + hosts + "\n"
                + "      unwind_lock_path: " + root.resolve("locks/h1.lock") + "\n"
                + "      ansible_become_password: " + BECOME + "\n"
                + "      ansible_sudo_pass: " + SUDO + "\n"
                + "      ansible_ssh_password: " + SSH + "\n"
                + "      db_password: " + inline(INLINE, secret, "      "));
        write("inv/group_vars/web.yml", "api_token: " + inline(GROUP, secret, ""));
        write("inv/host_vars/h1.yml", VaultCipher.encrypt(("host_token: " + FILE + "\n").getBytes(StandardCharsets.UTF_8), secret));
        write("templates/app.conf", "db=${db_password}\napi=${api_token}\nhost=${host_token}\n");
        playbook = write("site.yml", """
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: a template with vaulted values
                      template: src=app.conf dest=${d}/app.conf
                    - name: a command with a vaulted value
                      command: echo db ${db_password}
                      changed_when: false
                    - name: the inventory's passwords
                      debug: msg="become ${ansible_become_password} sudo ${ansible_sudo_pass} ssh ${ansible_ssh_password}"
                    - name: a no_log extra var
                      copy: content="${extra_secret}" dest=${d}/extra.txt
                      no_log: true
                    - name: a no_log result
                      command: echo %s
                      register: found
                      changed_when: false
                      no_log: true
                    - name: shown later
                      debug: msg="found ${found.stdout}"
                    - name: ordinary words as content
                      copy: content=tmp dest=${d}/tmp.txt
                    - name: another
                      copy: content=changed dest=${d}/changed.txt
                """.formatted(REGISTERED));
    }

    @Test
    void noSecretAppearsAnywhereAndNoOrdinaryWordIsMasked() throws IOException {
        Cli.Result json = cli.run("play", playbook.toString(), "-i", inventory.toString(), "--vault-password-file",
                passwordFile.toString(), "-e", "extra_secret=" + EXTRA, "-D", "--json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        try (Stream<Path> made = Files.list(root.resolve("hosts/h1"))) {
            // so that the console run changes the files again and shows its diffs too
            for (Path p : (Iterable<Path>) made::iterator) {
                Files.delete(p);
            }
        }
        Cli.Result console = cli.run("play", playbook.toString(), "-i", inventory.toString(), "--vault-password-file",
                passwordFile.toString(), "-e", "extra_secret=" + EXTRA, "-D", "-v");
        assertThat(console.exitCode()).as(console.toString()).isZero();
        assertThat(Files.readString(root.resolve("hosts/h1/app.conf"))).contains(INLINE, GROUP, FILE);

        Map<String, String> seen = new java.util.LinkedHashMap<>();
        seen.put("--json", json.out() + json.err());
        seen.put("terminal", console.out() + console.err());
        runFiles().forEach(f -> seen.put(f.toString(), read(f)));
        assertThat(seen.keySet()).anyMatch(k -> k.endsWith("run.log")).anyMatch(k -> k.endsWith("journal.jsonl"));
        seen.forEach((where, text) -> {
            for (String s : ALL) {
                assertThat(text).as(where + " shows " + s).doesNotContain(s);
            }
        });
        assertThat(console.out()).as("the secrets were there, masked").contains("********")
                .contains("found ********");
        assertThat(console.out()).as("-D shows diffs").contains("+db=********").contains("+tmp");
        assertThat(console.out() + json.out()).as("copy content is not a secret").contains("changed")
                .contains(root.resolve("hosts/h1/tmp.txt").toString()).doesNotContain("/********/");
        assertThat(Files.readString(root.resolve("hosts/h1/tmp.txt"))).isEqualTo("tmp");
    }

    @Test
    void aVaultedValueWithoutPasswordIsInvalidInputNamingTheFile() throws IOException {
        Cli.Result whole = cli.run("play", playbook.toString(), "-i", inventory.toString());
        assertThat(whole.exitCode()).as(whole.toString()).isEqualTo(5);
        assertThat(whole.err()).contains(root.resolve("inv/host_vars/h1.yml").toString());
        onlyTheInlineValue();
        Cli.Result r = cli.run("play", playbook.toString(), "-i", inventory.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).contains(inventory + ":10:").contains("no vault password").doesNotContain("<vaulted value>");
        assertThat(root.resolve("hosts/h1/app.conf")).doesNotExist();
        assertThat(root.resolve("home/runs")).as("nothing ran").satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void aWrongVaultPasswordIsInvalidInput() throws IOException {
        onlyTheInlineValue();
        Path wrong = write("wrong-pass", "not-it\n");
        Cli.Result r = cli.run("play", playbook.toString(), "-i", inventory.toString(), "--vault-password-file", wrong.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).contains(inventory + ":10:").contains("HMAC");
    }

    @Test
    void aWholeVaultedInventoryInADirectoryWithAWrongPasswordIsInvalidInputNotZeroHosts() throws IOException {
        Path dir = root.resolve("vaulted-inv");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("hosts"), VaultCipher.encrypt("[web]\nh1 ansible_connection=local\n"
                .getBytes(StandardCharsets.UTF_8), VaultSecret.of(VAULT_PASSWORD)));
        Path wrong = write("wrong-pass", "not-it\n");
        Cli.Result r = cli.run("play", playbook.toString(), "-i", dir.toString(), "--vault-password-file", wrong.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.out() + r.err()).contains(dir.resolve("hosts").toString());
    }

    @Test
    void rollbackOpensTheVaultAndTakesTheAskedBecomePassword() throws IOException {
        Path stop = write("stop.yml", """
                - hosts: web
                  gather_facts: false
                  on_failure: stop
                  tasks:
                    - name: a change
                      template: src=app.conf dest=${d}/app.conf
                    - name: then a failure
                      fail: msg=boom
                """);
        Cli.Result r = cli.run("play", stop.toString(), "-i", inventory.toString(), "--vault-password-file", passwordFile.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        String runId;
        try (Stream<Path> s = Files.list(root.resolve("home/runs"))) {
            runId = s.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }

        Cli.Result locked = cli.run("rollback", runId);
        assertThat(locked.exitCode()).as(locked.toString()).isEqualTo(5);
        assertThat(locked.out() + locked.err()).contains(root.resolve("inv").toString()).contains("no vault password");
        assertThat(root.resolve("hosts/h1/app.conf")).exists();

        String asked = "Asked-Become-10";
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream((VAULT_PASSWORD + "\n" + asked + "\n").getBytes(StandardCharsets.UTF_8)));
            Cli.Result back = cli.run("rollback", runId, "--ask-vault-pass", "-K");
            assertThat(back.exitCode()).as(back.toString()).isZero();
            assertThat(back.out() + back.err() + read(root.resolve("home/runs/" + runId + "/run.log")))
                    .doesNotContain(asked).doesNotContain(VAULT_PASSWORD).doesNotContain(INLINE);
        } finally {
            System.setIn(in);
        }
        assertThat(root.resolve("hosts/h1/app.conf")).doesNotExist();
    }

    private void onlyTheInlineValue() throws IOException {
        Files.delete(root.resolve("inv/host_vars/h1.yml"));
        Files.delete(root.resolve("inv/group_vars/web.yml"));
    }

    @Test
    void anAdminPasswordOnTheCommandLineIsTakenWithAWarning() {
        Cli.Result r = cli.run("upgrade", "-i", root.resolve("no-such-inventory").toString(), "--mke3-admin-password",
                "Admin-Pw-11", "--yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).contains("ps").contains("MKE3_ADMIN_PASSWORD").doesNotContain("Admin-Pw-11");
    }

    /** Every file of every run, except the 0600 backups (where the undo of a secret change must keep it). */
    private List<Path> runFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root.resolve("home/runs"))) {
            s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/backups/")).forEach(out::add);
        }
        return out;
    }

    private static String inline(String plain, VaultSecret secret, String indent) {
        StringBuilder b = new StringBuilder("!vault |\n");
        VaultCipher.encrypt(plain.getBytes(StandardCharsets.UTF_8), secret).lines()
                .forEach(l -> b.append(indent).append("  ").append(l).append('\n'));
        return b.toString();
    }

    private Path write(String name, String text) throws IOException {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
