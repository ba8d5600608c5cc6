package dev.unwind.config;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Ansible's configuration as Ansible reads it: for each case (a file, variables, where the file is), {@code unwind
 * config} prints, byte for byte, the lines {@code ansible-config dump --only-changed} prints for the settings unwind has,
 * both run in the same folder with the same environment and a HOME of the test's own.
 */
class AnsibleConfigTest {
    private static final Path ANSIBLE_CONFIG = Path.of("/usr/bin/ansible-config");

    @TempDir
    Path dir;

    /** name, ansible.cfg text (null: none), environment (NAME=value pairs). */
    record Case(String name, String cfg, List<String> env) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("every setting unwind has, with unknown ones and comments", """
                        [defaults]
                        inventory = ./hosts.ini, other.ini
                        remote_user = deploy
                        private_key_file = ~/.ssh/id_test
                        host_key_checking = False
                        forks = 7
                        timeout = 25
                        vault_password_file = ./vault-pass.txt
                        vault_identity = mine
                        vault_identity_list = dev@./dev-pass, prod@prompt
                        vault_id_match = yes
                        force_handlers = yes
                        roles_path = ./roles:~/shared-roles:/srv/roles
                        nocows = 1
                        ; a comment
                        # another

                        [privilege_escalation]
                        become = yes
                        become_user = admin
                        become_method = sudo

                        [ssh_connection]
                        pipelining = True
                        ssh_args = -o ServerAliveInterval=7 -J jump@bastion
                        control_path = %(directory)s/%%h-%%r
                        control_path_dir = ./cp
                        """, List.of()),
                new Case("variables above the file", """
                        [defaults]
                        forks = 7
                        remote_user = deploy
                        [ssh_connection]
                        ssh_args = -o Port=2200
                        """, List.of("ANSIBLE_FORKS=9", "ANSIBLE_INVENTORY=a.ini,/etc/b.ini", "ANSIBLE_HOST_KEY_CHECKING=0",
                        "ANSIBLE_BECOME=true", "ANSIBLE_BECOME_METHOD=su", "ANSIBLE_SSH_ARGS=-o ConnectTimeout=3",
                        "ANSIBLE_VAULT_IDENTITY_LIST=a@/x, b@prompt", "ANSIBLE_SSH_CONTROL_PATH_DIR=cp",
                        "ANSIBLE_FORCE_HANDLERS=1")),
                new Case("inline ';' comments, '#' kept, ':' separator, upper-case keys, quotes", """
                        [defaults]
                        Forks = 3 ; three
                        remote_user = ops # not a comment
                        timeout: 40
                        private_key_file = "$HOME/k"
                        [privilege_escalation]
                        become_user = 'root'
                        become = on
                        """, List.of()),
                new Case("a value continued on an indented line", """
                        [defaults]
                        remote_user = a
                          continued
                        """, List.of()),
                new Case("ANSIBLE_CONFIG names a file elsewhere", null, List.of("ANSIBLE_CONFIG=elsewhere/my.cfg")),
                new Case("no configuration at all", null, List.of()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void unwindReadsTheSettingsAnsibleReads(Case c) throws Exception {
        assumeTrue(Files.isExecutable(ANSIBLE_CONFIG), "ansible-config is not installed (apt-get install -y ansible)");
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(dir.resolve("home"));
        if (c.cfg() != null) {
            Files.writeString(work.resolve("ansible.cfg"), c.cfg());
        }
        Files.createDirectories(work.resolve("elsewhere"));
        Files.writeString(work.resolve("elsewhere/my.cfg"), "[defaults]\ninventory = inv/hosts.yml\nforks = 2\n");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", dir.resolve("home").toString());
        for (String kv : c.env()) {
            env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }

        String ansible = run(work, env, ANSIBLE_CONFIG.toString(), "dump", "--only-changed");
        // the ssh connection plugin's options are printed apart, under its name
        String plugins = run(work, env, ANSIBLE_CONFIG.toString(), "dump", "--only-changed", "-t", "connection");
        String unwind = run(work, env, java(), "-cp", System.getProperty("java.class.path"), "dev.unwind.cli.Main", "config");

        List<String> known = Stream.concat(Stream.of("CONFIG_FILE"), Arrays.stream(AnsibleSetting.values()).map(AnsibleSetting::dumpName)).toList();
        String expected = joinedLogicalLines(ansible).stream().filter(l -> known.contains(l.substring(0, l.indexOf('('))))
                .collect(Collectors.joining("\n", "", "\n"));
        java.util.regex.Matcher ssh = java.util.regex.Pattern.compile("(?ms)^ssh:\n___\n(.*?)(?:\n\n|\\z)").matcher(plugins);
        if (ssh.find()) {
            List<String> lines = Arrays.stream(ssh.group(1).split("\n")).filter(l -> l.indexOf('(') > 0 && known.contains(l.substring(0, l.indexOf('('))))
                    .toList();
            expected += lines.isEmpty() ? "" : "\nssh:\n___\n" + String.join("\n", lines) + "\n";
        }
        assertThat(unwind).as("ansible-config printed:\n%s\n%s", ansible, plugins).isEqualTo(expected);
    }

    @Test
    void aLineAnsibleRefusesIsAnErrorNamingFileAndLineBeforeAnythingRuns() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(work.resolve("ansible.cfg"), "[defaults]\nforks = 3\nforks\n");

        Map<String, String> env = Map.of("HOME", dir.resolve("home").toString());
        Process p = start(work, env, java(), "-cp", System.getProperty("java.class.path"), "dev.unwind.cli.Main", "config");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(out).isEqualTo(5);
        assertThat(out).contains(work.resolve("ansible.cfg") + ":3").contains("'forks' is not 'key = value'").doesNotContain("Exception");
    }

    /** ansible-config prints a value with a newline as it is; those lines belong to the setting above them. */
    private static List<String> joinedLogicalLines(String out) {
        List<String> lines = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (l.matches("^[A-Z_]+\\(.*") || lines.isEmpty()) {
                lines.add(l);
            } else {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\n" + l);
            }
        }
        return lines;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Process start(Path cwd, Map<String, String> env, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("ANSIBLE_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String run(Path cwd, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        Process p = start(cwd, env, cmd);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s:\n%s", cmd[cmd.length - 1], out).isZero();
        return out;
    }
}
