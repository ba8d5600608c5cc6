package dev.unwind.accounts;

import dev.unwind.testing.node.NodeState;
import dev.unwind.testing.node.PlayCycle;
import dev.unwind.lab.swarm.LabNode;
import dev.unwind.lab.swarm.SwarmLab;
import dev.unwind.testing.swarm.SwarmLabExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * user, group, authorized_key, cron and hostname on two real Debian nodes, each playbook held to the whole
 * {@link PlayCycle}: check mode predicts the real changes (a user's key and crontab included, before the user
 * exists), a second run changes nothing, rollback, a late failure and a kill -9 put every node back exactly
 * (accounts, homes, crontabs, hostname, the /etc tree with the shadow tools' backup files). Then what a user sees.
 */
@Tag("swarm-lab")
class AccountModulesTest {
    static final SwarmLab lab = SwarmLab.plainNodes(2);
    @RegisterExtension
    static final SwarmLabExtension up = new SwarmLabExtension(lab);

    /** A crypt(3) hash: it must never show in output or in the journal. */
    static final String HASH = "$6$unwindtest$QcH0ZsUhQ1u7G7yq3n7bH0y6m2lPcV0qj1oL0m3nS5rT7uV9wX1yZ3aB5cD7eF9gH1iJ3kL5mN7oP9qR1sT3u.";
    static final String KEY1 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOunwindtestkeyoneoneoneoneoneoneoneone1 one@test";
    static final String KEY2 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOunwindtestkeytwotwotwotwotwotwotwotw2 two@test";

    @TempDir
    Path dir;

    record Case(String name, String setup, String playbook, Consumer<LabNode> shows) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("a group and a user with a key and a crontab, all new", "", """
                        - hosts: all
                          gather_facts: false
                          become: true
                          tasks:
                            - group: name=devs gid=2345
                            - user:
                                name: alice
                                uid: 2001
                                groups: [devs, adm]
                                shell: /bin/bash
                                comment: Alice Example
                                password: '%s'
                            - authorized_key:
                                user: alice
                                key: "%s"
                            - cron: name=report user=alice minute=5 hour=3 job=/usr/bin/true
                        """.formatted(HASH, KEY1), n -> {
                    assertThat(n.sh("getent passwd alice")).isEqualTo("alice:x:2001:2001:Alice Example:/home/alice:/bin/bash");
                    assertThat(n.sh("id -nG alice")).isEqualTo("alice adm devs");
                    assertThat(n.sh("getent group devs")).isEqualTo("devs:x:2345:alice");
                    assertThat(n.sh("getent shadow alice | cut -d: -f2")).isEqualTo(HASH);
                    assertThat(n.sh("stat -c '%a %U' /home/alice/.ssh /home/alice/.ssh/authorized_keys"))
                            .isEqualTo("700 alice\n600 alice");
                    assertThat(n.sh("cat /home/alice/.ssh/authorized_keys")).isEqualTo(KEY1);
                    assertThat(n.sh("crontab -l -u alice")).isEqualTo("#Ansible: report\n5 3 * * * /usr/bin/true");
                }),
                new Case("an existing user's uid, primary group (a new one), shell, comment, groups and password changed",
                        "id bob >/dev/null 2>&1 || useradd -m -s /bin/sh -G adm bob; getent group staff >/dev/null || groupadd staff", """
                        - hosts: all
                          gather_facts: false
                          become: true
                          tasks:
                            - group: name=builders gid=2777
                            - user: name=bob uid=2202 group=builders shell=/bin/bash comment="Bob B" groups=staff,users append=false password='%s'
                        """.formatted(HASH), n -> {
                    assertThat(n.sh("getent passwd bob | cut -d: -f3-7")).isEqualTo("2202:2777:Bob B:/home/bob:/bin/bash");
                    assertThat(n.sh("id -nG bob")).isEqualTo("builders staff users");
                    assertThat(n.sh("stat -c %u:%g /home/bob /home/bob/.bashrc")).isEqualTo("2202:2777\n2202:2777");
                }),
                new Case("a user removed with its home, and a group removed",
                        "id carol >/dev/null 2>&1 || { useradd -m -G adm carol && echo notes > /home/carol/notes.txt"
                                + " && chown carol /home/carol/notes.txt; }; getent group oldies >/dev/null || groupadd -g 2999 oldies", """
                        - hosts: all
                          gather_facts: false
                          become: true
                          tasks:
                            - user: name=carol state=absent remove=true
                            - group: name=oldies state=absent
                        """, n -> {
                    assertThat(n.exec("getent passwd carol").ok()).isFalse();
                    assertThat(n.exec("getent group oldies").ok()).isFalse();
                    assertThat(n.exec("test -e /home/carol").ok()).isFalse();
                }),
                new Case("cron jobs added to an existing crontab, to none, a variable and a cron.d file",
                        "crontab -l 2>/dev/null | grep -q hourly-sync || echo '17 * * * * /usr/local/bin/hourly-sync' | crontab -", """
                        - hosts: all
                          gather_facts: false
                          become: true
                          tasks:
                            - cron: name=nightly minute=0 hour=2 job="/usr/bin/nice /bin/true"
                            - cron: name=MAILTO env=true job=ops@example.com
                            - cron: name=weekly-lab special_time=weekly user=lab job=/bin/date disabled=true
                            - cron: name=cleanup cron_file=unwind-cleanup user=root minute=30 job="find /tmp -mtime +7 -delete"
                        """, n -> {
                    assertThat(n.sh("crontab -l")).isEqualTo("MAILTO=ops@example.com\n17 * * * * /usr/local/bin/hourly-sync\n"
                            + "#Ansible: nightly\n0 2 * * * /usr/bin/nice /bin/true");
                    assertThat(n.sh("crontab -l -u lab")).isEqualTo("#Ansible: weekly-lab\n#@weekly /bin/date");
                    assertThat(n.sh("cat /etc/cron.d/unwind-cleanup"))
                            .isEqualTo("#Ansible: cleanup\n30 * * * * root find /tmp -mtime +7 -delete");
                }),
                new Case("authorized_key exclusive replaces every other key of an existing user",
                        "id dave >/dev/null 2>&1 || { useradd -m dave && mkdir -m 700 /home/dave/.ssh && printf '%s\\n# old\\n%s\\n' '"
                                + KEY1 + "' 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQunwindold old@test' > /home/dave/.ssh/authorized_keys"
                                + " && chown -R dave:dave /home/dave/.ssh && chmod 644 /home/dave/.ssh/authorized_keys; }", """
                        - hosts: all
                          gather_facts: false
                          become: true
                          tasks:
                            - authorized_key: user=dave exclusive=true key_options=no-pty key="%s"
                        """.formatted(KEY2), n -> {
                    assertThat(n.sh("cat /home/dave/.ssh/authorized_keys")).isEqualTo("no-pty " + KEY2);
                    assertThat(n.sh("stat -c '%a %U' /home/dave/.ssh/authorized_keys")).isEqualTo("600 dave");
                }),
                // the new name resolves, as an operator sees to before renaming (else every sudo waits on DNS)
                new Case("the hostname", "grep -q \"renamed-$(hostname)$\" /etc/hosts || echo \"127.0.1.1 renamed-$(hostname)\" >> /etc/hosts", """
                        - hosts: all
                          gather_facts: false
                          become: true
                          tasks:
                            - hostname: name=renamed-${inventory_hostname}
                        """, n -> {
                    assertThat(n.sh("hostname")).isEqualTo("renamed-" + n.name());
                    assertThat(n.sh("cat /etc/hostname")).isEqualTo("renamed-" + n.name());
                })
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isPredictedRepeatedAndUndoneExactly(Case c) throws IOException {
        if (!c.setup().isEmpty()) {
            lab.nodes().forEach(n -> n.sh(c.setup()));
        }
        PlayCycle cycle = new PlayCycle(lab, dir);
        Map<String, NodeState> after = cycle.verify(c.playbook());
        assertThat(after).hasSize(2);
        // what users see after the run: the cycle leaves the nodes as they were, so run it once more
        java.util.List<String> before = cycle.runIds();
        assertThat(cycle.play("site.yml", null).exitCode()).isZero();
        java.util.List<String> runs = new java.util.ArrayList<>(cycle.runIds());
        runs.removeAll(before);
        for (LabNode n : lab.nodes()) {
            c.shows().accept(n);
        }
        assertThat(secretsShown(cycle)).as("the password hash in the journal or output").isEmpty();
        // leave the nodes as this case found them, for the next case
        assertThat(runs).hasSize(1);
        assertThat(cycle.cli().run("rollback", runs.get(0), "--known-hosts", lab.knownHosts().toString()).exitCode()).isZero();
    }

    /** Files of the cycle's UNWIND_HOME outside the run's backups that hold the hash. */
    private Stream<Path> secretsShown(PlayCycle cycle) throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("unwind-home"))) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("backups"))
                    .filter(p -> {
                        try {
                            return Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1).contains(HASH);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList().stream();
        }
    }
}
