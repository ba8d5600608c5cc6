package dev.unwind.module.ssh;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.ChangeCycle;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class KnownHostsModuleTest {
    static final String ED_A = "AAAAC3NzaC1lZDI1NTE5AAAAIAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String ED_B = "AAAAC3NzaC1lZDI1NTE5AAAAIBbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    static final String RSA = "AAAAB3NzaC1yc2EAAAADAQABAAABAQCrsa";
    static final String BEFORE = "other.org ssh-ed25519 " + ED_B + "\n"
            + "example.com,10.0.0.1 ssh-ed25519 " + ED_A + " root@example\n"
            + "# a comment stays\n"
            + "example.com ssh-rsa " + RSA + "\n";

    @TempDir
    Path tmp;
    TestContext ctx;
    Path area;
    Path file;

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestContext.in(tmp);
        area = Files.createDirectories(tmp.resolve("host"));
        file = Files.writeString(area.resolve("known_hosts"), BEFORE);
    }

    private Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("path", file.toString());
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("a new host is appended", "new.example", "new.example ssh-ed25519 " + ED_A, "present",
                        "key of new.example added", BEFORE + "new.example ssh-ed25519 " + ED_A + "\n"),
                Arguments.of("another key of the type replaces the old line", "example.com", "example.com ssh-ed25519 " + ED_B, "present",
                        "key of example.com replaced", "other.org ssh-ed25519 " + ED_B + "\n# a comment stays\nexample.com ssh-rsa "
                                + RSA + "\nexample.com ssh-ed25519 " + ED_B + "\n"),
                Arguments.of("a new type is added beside the others", "10.0.0.1", "10.0.0.1 ecdsa-sha2-nistp256 AAAAE2VjZHNh", "present",
                        "key of 10.0.0.1 added", BEFORE + "10.0.0.1 ecdsa-sha2-nistp256 AAAAE2VjZHNh\n"),
                Arguments.of("absent with a key removes that line", "example.com", "example.com ssh-rsa " + RSA, "absent",
                        "key of example.com removed", BEFORE.replace("example.com ssh-rsa " + RSA + "\n", "")),
                Arguments.of("absent without a key removes every line of the host", "EXAMPLE.com", null, "absent",
                        "2 key(s) of example.com removed", "other.org ssh-ed25519 " + ED_B + "\n# a comment stays\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void changesAsAnsibleDoesAndUndoesExactly(String why, String name, String key, String state, String msg, String after)
            throws Exception {
        Map<String, Object> a = key == null ? args("name", name, "state", state) : args("name", name, "key", key, "state", state);
        Outcome real = ChangeCycle.verify(ctx, area, "known_hosts", a);
        assertThat(real.msg()).isEqualTo(file + ": " + msg);
        assertThat(real.result()).containsEntry("name", name.toLowerCase()).containsEntry("path", file.toString()).containsEntry("state", state);
        ctx.run("known_hosts", a);
        assertThat(Files.readString(file)).isEqualTo(after);
    }

    static Stream<Arguments> unchanged() {
        return Stream.of(
                Arguments.of("the same key with another comment", "example.com", "example.com,10.0.0.1 ssh-ed25519 " + ED_A + " me@there", "present"),
                Arguments.of("absent: a key the host does not have", "example.com", "example.com ecdsa-sha2-nistp256 AAAAE2VjZHNh", "absent"),
                Arguments.of("absent: a host the file does not name", "nowhere.example", null, "absent"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unchanged")
    void leavesTheFileAloneWhenItIsAsWanted(String why, String name, String key, String state) throws Exception {
        Map<String, Object> a = key == null ? args("name", name, "state", state) : args("name", name, "key", key, "state", state);
        assertThat(ctx.checking().run("known_hosts", a).status()).isEqualTo(Status.OK);
        assertThat(ctx.run("known_hosts", a).status()).isEqualTo(Status.OK);
        assertThat(Files.readString(file)).isEqualTo(BEFORE);
    }

    @Test
    void hashesTheHostAndFindsItHashedOnTheNextRun() throws Exception {
        Map<String, Object> a = args("name", "secret.example", "key", "secret.example ssh-ed25519 " + ED_A, "hash_host", true);
        ChangeCycle.verify(ctx, area, "known_hosts", a);
        ctx.run("known_hosts", a);
        String last = Files.readAllLines(file).get(4);
        assertThat(last).startsWith("|1|").endsWith(" ssh-ed25519 " + ED_A).doesNotContain("secret.example");
        assertThat(HostPattern.matches(last.split(" ")[0], "secret.example")).isTrue();
        Outcome gone = ctx.run("known_hosts", args("name", "secret.example", "state", "absent"));
        assertThat(gone.msg()).endsWith("1 key(s) of secret.example removed");
        assertThat(Files.readString(file)).isEqualTo(BEFORE);
    }

    @Test
    void createsAMissingFileAndItsUndoRemovesIt() throws Exception {
        Files.delete(file);
        Outcome real = ChangeCycle.verify(ctx, area, "known_hosts", args("name", "a.example", "key", "a.example ssh-rsa " + RSA));
        assertThat(real.msg()).isEqualTo(file + ": created");
    }

    @Test
    void aMissingFolderFailsInCheckModeAsForReal() throws Exception {
        Map<String, Object> a = args("name", "a.example", "key", "a.example ssh-rsa " + RSA);
        a.put("path", area.resolve("no/.ssh/known_hosts").toString());
        for (TestContext c : java.util.List.of(ctx.checking(), ctx)) {
            Outcome o = c.run("known_hosts", a);
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.msg()).isEqualTo("destination directory " + area.resolve("no/.ssh") + " does not exist");
        }
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(Map.of("name", "a.example"), "No key specified when adding a host"),
                Arguments.of(Map.of("name", "a.example", "key", "b.example ssh-rsa " + RSA), "Host parameter does not match hashed host field in supplied key"),
                Arguments.of(Map.of("name", "a.example,b.example", "key", "a.example ssh-rsa " + RSA), "Comma separated list of names is not supported"),
                Arguments.of(Map.of("name", "a.example", "key", "a.example"), "key is not a known_hosts line"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesWhatAnsibleRefuses(Map<String, Object> given, String msg) throws Exception {
        Map<String, Object> a = new HashMap<>(given);
        a.put("path", file.toString());
        Outcome o = ctx.run("known_hosts", a);
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.msg()).startsWith(msg);
        assertThat(Files.readString(file)).isEqualTo(BEFORE);
    }

    @Test
    void patternsAndNegationsMatchAsOpenSshMatchesThem() {
        assertThat(HostPattern.matches("*.example.com,!bad.example.com", "good.example.com")).isTrue();
        assertThat(HostPattern.matches("*.example.com,!bad.example.com", "bad.example.com")).isFalse();
        assertThat(HostPattern.matches("web?", "web1")).isTrue();
        assertThat(HostPattern.matches("[git.example]:2222", "[git.example]:2222")).isTrue();
        assertThat(HostPattern.matches("[git.example]:2222", "git.example")).isFalse();
    }
}
