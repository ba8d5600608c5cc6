package dev.unwind.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unwind.cli.Cli;
import dev.unwind.testing.TreeImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A playbook with every keyword (roles, handlers, delegation, environment, vars_prompt...), on three local hosts: check
 * mode predicts the real run, a second run changes nothing, and a failure late in the play brings every host back.
 */
class EveryKeywordTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PLAYBOOK = Path.of("src/test/resources/playbooks/everything/site.yml");

    @TempDir
    Path root;

    @Test
    void checkModePredictsExactlyWhatTheRealRunChangesAndASecondRunChangesNothing() throws Exception {
        LocalHosts hosts = new LocalHosts(root, "h1", "h2", "h3");
        Path inv = hosts.inventory();
        Cli cli = new Cli(root.resolve("home"));

        Cli.Result check = cli.run("play", PLAYBOOK.toString(), "-i", inv.toString(), "--check", "--json");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(hosts.snapshot()).as("check mode changed nothing").isEmpty();

        Cli.Result real = cli.run("play", PLAYBOOK.toString(), "-i", inv.toString(), "--json");
        assertThat(real.exitCode()).as(real.toString()).isZero();
        // a command check mode cannot predict (the reload handler: no creates/removes) is skipped there, as in Ansible
        Set<String> predicted = new TreeSet<>(changed(check));
        hosts.names().forEach(h -> predicted.add(h + " reload app"));
        assertThat(check.out()).contains("skipped in check mode");
        assertThat(predicted).as("predicted == changed").isEqualTo(changed(real)).isNotEmpty();
        assertThat(Files.readString(hosts.dir("h2").resolve("page.html"))).contains("hello, h2").contains("release 1.0");
        assertThat(Files.readString(hosts.dir("h1").resolve("two.txt"))).isEqualTo("hello two from shop\n");
        assertThat(hosts.dir("h3").resolve("marker")).exists();

        Cli.Result again = cli.run("play", PLAYBOOK.toString(), "-i", inv.toString(), "--json");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(changed(again)).isEmpty();
        JsonNode recap = last(again);
        assertThat(recap.get("status").asText()).isEqualTo("ok");
        assertThat(recap.get("hosts").get("h1").get("changed").asInt()).isZero();
        assertThat(recap.get("hosts").get("h1").get("ignored").asInt()).isEqualTo(1);
        assertThat(again.out()).doesNotContain("\"greeting\"").contains("hidden due to no_log");
    }

    @Test
    void aFailureLateInThePlayBringsEveryHostBackAndReloadsTheAppOnItsOldConfig() throws Exception {
        LocalHosts hosts = new LocalHosts(root, "h1", "h2", "h3");
        Path inv = hosts.inventory();
        for (String h : hosts.names()) {
            // the app ran on its old config before the run
            Files.createDirectories(hosts.dir(h));
            Files.writeString(hosts.dir(h).resolve("app.conf"), "old config of " + h + "\n");
            Files.writeString(hosts.dir(h).resolve("running.conf"), "old config of " + h + "\n");
        }
        Map<String, String> before = TreeImage.of(root.resolve("hosts"));

        Cli.Result r = new Cli(root.resolve("home")).run("play", PLAYBOOK.toString(), "-i", inv.toString(), "-e", "fail_late=true");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).contains("RUNNING HANDLER [reload app]").contains("RUNNING HANDLER [stamp : note the stamp]")
                .contains("RUNNING HANDLER [reload app] again, after the unwind")
                .doesNotContain("RUNNING HANDLER [stamp : note the stamp] again");
        assertThat(TreeImage.of(root.resolve("hosts"))).as(r.toString()).isEqualTo(before);
    }

    @Test
    void tagsLimitAndStartAtTaskSelectWhatRuns() throws Exception {
        LocalHosts hosts = new LocalHosts(root, "h1", "h2");
        Path inv = hosts.inventory();
        Cli cli = new Cli(root.resolve("home"));

        Cli.Result r = cli.run("play", PLAYBOOK.toString(), "-i", inv.toString(), "-t", "files", "-l", "h2", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(changed(r)).containsExactly("h2 make the folder");
        assertThat(hosts.dir("h1")).doesNotExist();
    }

    static Set<String> changed(Cli.Result r) throws Exception {
        Set<String> out = new TreeSet<>();
        for (JsonNode e : events(r)) {
            if (e.get("event").asText().equals("task_result") && e.get("status").asText().equals("changed")) {
                out.add(e.get("host").asText() + " " + e.get("task").asText());
            }
        }
        return out;
    }

    static List<JsonNode> events(Cli.Result r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    static JsonNode last(Cli.Result r) throws Exception {
        List<JsonNode> all = events(r);
        return all.get(all.size() - 1);
    }
}
