package dev.unwind.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unwind.testing.TreeCopy;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential oracle: for every case under {@code inventory/oracle/}, {@code unwind inventory
 * ARGS --list} must print the same JSON as {@code ansible-inventory ARGS --list} (group host and
 * child lists compared as sets), and host patterns must select the same hosts in the same order as
 * {@code ansible PATTERN --list-hosts}. Needs ansible-core on the PATH (CI installs Debian's
 * {@code ansible}); set {@code -Dunwind.skipOracle} to skip on a machine without it.
 */
class AnsibleOracleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CORPUS = Path.of("src/test/resources/inventory/oracle");

    @TempDir
    static Path work;
    static Path emptyConfig;

    @BeforeAll
    static void ansibleIsThere() throws IOException {
        boolean present = Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "ansible-inventory")));
        if (!present) {
            if (System.getProperty("unwind.skipOracle") != null) {
                org.junit.jupiter.api.Assumptions.abort("ansible-inventory not on PATH and -Dunwind.skipOracle set");
            }
            fail("ansible-inventory is not on the PATH: install it (apt-get install -y ansible) or run with"
                    + " -Dunwind.skipOracle to skip the Ansible oracle");
        }
        emptyConfig = Files.writeString(work.resolve("empty-ansible.cfg"), "");
        TreeCopy.of(CORPUS, work.resolve("oracle"));
    }

    @TestFactory
    List<DynamicTest> listEqualsAnsibleInventory() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(CORPUS)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).as("oracle corpus size").hasSizeGreaterThanOrEqualTo(40);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : cases) {
            String name = c.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Path dir = work.resolve("oracle").resolve(name);
                List<String> args = new ArrayList<>(Arrays.asList(
                        Files.readString(dir.resolve("args")).strip().split("\\s+")));
                args.add("--list");
                List<String> ansible = new ArrayList<>(List.of("ansible-inventory"));
                ansible.addAll(args);
                List<String> unwind = new ArrayList<>(List.of(javaBin(), "-cp", System.getProperty("java.class.path"),
                        "dev.unwind.cli.InventoryCommand"));
                unwind.addAll(args);
                JsonNode expected = normalise(JSON.readTree(run(dir, ansible)));
                JsonNode actual = normalise(JSON.readTree(run(dir, unwind)));
                assertThat(actual.toPrettyString()).as(name + ": unwind vs ansible-inventory")
                        .isEqualTo(expected.toPrettyString());
            }));
        }
        return tests;
    }

    /** The example inventories at the top of the repository (inventory/README.md) that Ansible reads too. */
    @TestFactory
    List<DynamicTest> theExampleInventoriesListAsAnsibleInventoryListsThem() {
        Path examples = Path.of("../inventory").toAbsolutePath().normalize();
        List<DynamicTest> tests = new ArrayList<>();
        for (String source : List.of("ini/hosts.ini", "yaml/hosts.yml", "directory")) {
            tests.add(DynamicTest.dynamicTest(source, () -> {
                List<String> args = List.of("-i", examples.resolve(source).toString(), "--list");
                List<String> ansible = new ArrayList<>(List.of("ansible-inventory"));
                ansible.addAll(args);
                List<String> unwind = new ArrayList<>(List.of(javaBin(), "-cp", System.getProperty("java.class.path"),
                        "dev.unwind.cli.InventoryCommand"));
                unwind.addAll(args);
                assertThat(normalise(JSON.readTree(run(work, unwind))).toPrettyString()).as(source)
                        .isEqualTo(normalise(JSON.readTree(run(work, ansible))).toPrettyString());
            }));
        }
        return tests;
    }

    private static final List<String> PATTERNS = List.of("all", "*", "web", "db:web", "web:db", "web,db", "web:&prod",
            "web:!prod", "prod:!web:&db", "!db", "w*", "web?", "~^d[a-z]+[0-9]", "web[0]", "web[-1]", "web[1:]",
            "web[0:1]", "all[2:3]", "ungrouped", "d1", "localhost", "10.0.0.[1:2]", "web1:db1", "web*:&prod");

    @TestFactory
    List<DynamicTest> patternsSelectWhatAnsibleSelects() throws IOException {
        Path dir = work.resolve("patterns");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("hosts"), String.join("\n", "loner", "10.0.0.1", "10.0.0.2",
                "[web]", "web1", "web2", "web3", "[db]", "d1", "db1", "dbx2", "[prod]", "web2", "d1",
                "[prod:children]", "db", "[other:children]", "prod", ""));
        Inventory inv = Inventory.load(List.of(dir.resolve("hosts").toString()), null, null);
        List<DynamicTest> tests = new ArrayList<>();
        for (String pattern : PATTERNS) {
            tests.add(DynamicTest.dynamicTest(pattern, () -> {
                List<String> expected = listedHosts(run(dir, List.of("ansible", pattern, "-i", "hosts", "--list-hosts")));
                assertThat(inv.hosts(pattern)).as(pattern).containsExactlyElementsOf(expected);
            }));
        }
        return tests;
    }

    @Test
    void limitOnPlayHostsMatchesAnsibleAndAnsiblePlaybook() throws Exception {
        Path dir = work.resolve("limit");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("hosts"), "[web]\nw1\nw2\nw3\n[db]\nd1\nd2\n[prod]\nw2\nd2\n");
        Files.writeString(dir.resolve("play.yml"), "- hosts: web:db\n  gather_facts: false\n  tasks: []\n");
        Files.writeString(dir.resolve("limit.txt"), "w3\nd*\n");
        Inventory inv = Inventory.load(List.of(dir.resolve("hosts").toString()), null, null);
        for (String limit : List.of("prod", "!prod", "w*:!w1", "@" + dir.resolve("limit.txt"), "all:&prod", "d2,w1")) {
            List<String> ours = inv.limit(inv.hosts("web:db"), limit);
            // ansible (ad hoc) keeps Ansible's host order
            assertThat(ours).as("ansible --limit " + limit)
                    .containsExactlyElementsOf(listedHosts(run(dir, List.of("ansible", "web:db", "-i", "hosts",
                            "--list-hosts", "--limit", limit))));
            // ansible-playbook prints its hosts from a Python set: compare as a set
            assertThat(ours).as("ansible-playbook --limit " + limit)
                    .containsExactlyInAnyOrderElementsOf(listedHosts(run(dir, List.of("ansible-playbook", "-i",
                            "hosts", "play.yml", "--list-hosts", "--limit", limit))));
        }
    }

    @TestFactory
    List<DynamicTest> corpusLimitsMatchAnsible() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.list(CORPUS)) {
            for (Path c : s.filter(p -> Files.exists(p.resolve("limit"))).sorted().toList()) {
                String name = c.getFileName().toString();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Path dir = work.resolve("oracle").resolve(name);
                    String limit = Files.readString(dir.resolve("limit")).strip();
                    List<String> args = Arrays.asList(Files.readString(dir.resolve("args")).strip().split("\\s+"));
                    List<String> sources = new ArrayList<>();
                    for (int i = 0; i < args.size() - 1; i++) {
                        if (args.get(i).equals("-i")) {
                            sources.add(dir.resolve(args.get(i + 1)).toString());
                        }
                    }
                    List<String> command = new ArrayList<>(List.of("ansible", "all"));
                    command.addAll(args);
                    command.addAll(List.of("--list-hosts", "--limit", limit));
                    List<String> expected = listedHosts(run(dir, command));
                    Inventory inv = Inventory.load(sources, null, null);
                    String ourLimit = limit.startsWith("@") ? "@" + dir.resolve(limit.substring(1)) : limit;
                    assertThat(inv.limit(inv.hosts("all"), ourLimit)).as(name).containsExactlyElementsOf(expected);
                }));
            }
        }
        assertThat(tests).isNotEmpty();
        return tests;
    }

    private static List<String> listedHosts(String listHostsOutput) {
        List<String> hosts = new ArrayList<>();
        boolean inHosts = false;
        for (String line : listHostsOutput.split("\n")) {
            if (line.strip().startsWith("hosts (")) {
                inHosts = true;
            } else if (inHosts && !line.isBlank()) {
                hosts.add(line.strip());
            }
        }
        return hosts;
    }

    /** Group host and child lists become sorted sets; everything else compares exactly. */
    private static JsonNode normalise(JsonNode doc) {
        ObjectNode copy = ((ObjectNode) doc).deepCopy();
        copy.fields().forEachRemaining(e -> {
            if (e.getKey().equals("_meta")) {
                return;
            }
            ObjectNode group = (ObjectNode) e.getValue();
            for (String key : List.of("hosts", "children")) {
                if (group.has(key)) {
                    TreeSet<String> sorted = new TreeSet<>();
                    group.get(key).forEach(n -> sorted.add(n.asText()));
                    ArrayNode arr = JSON.createArrayNode();
                    sorted.forEach(arr::add);
                    group.set(key, arr);
                }
            }
        });
        return sortKeys(copy);
    }

    private static JsonNode sortKeys(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.createObjectNode();
            new TreeSet<String>(iterable(node)).forEach(k -> sorted.set(k, sortKeys(node.get(k))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode arr = JSON.createArrayNode();
            node.forEach(n -> arr.add(sortKeys(n)));
            return arr;
        }
        return node;
    }

    private static List<String> iterable(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("ANSIBLE_CONFIG", emptyConfig.toString());
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_LOCAL_TEMP", work.resolve("ansible-tmp").toString());
        pb.environment().put("HOME", work.toString());
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread t = new Thread(() -> {
            try {
                err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.complete("");
            }
        });
        t.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed in " + dir + ":\n" + out + err.join());
        }
        return out;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
