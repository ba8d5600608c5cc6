package dev.unwind.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unwind.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** A playbook with every keyword, on three local hosts: check mode predicts the real run, and a second run changes nothing. */
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
        assertThat(changed(check)).as("predicted == changed").isEqualTo(changed(real)).isNotEmpty();
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
