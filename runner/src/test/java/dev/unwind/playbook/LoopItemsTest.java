package dev.unwind.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unwind.input.Yaml11;
import dev.unwind.template.Templates;
import dev.unwind.testing.AnsiblePlaybook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each with_* lookup, case by case, against Ansible's own: ansible-playbook loops a task over the same terms (written
 * once, in YAML) beside the same controller files, and the items it registers are the items {@link LoopItems}
 * gives; where Ansible refuses the terms, LoopItems refuses them too.
 */
class LoopItemsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A lookup and its terms as a task writes them after {@code with_<lookup>:}. */
    record Case(String lookup, String terms) {
        @Override
        public String toString() {
            return "with_" + lookup + ": " + terms;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("items", "[a, [b, c], [[d]], 4]"),
            new Case("items", "just-one"),
            new Case("list", "[[a, b], c]"),
            new Case("dict", "{b: 1, a: {x: 2}, c: [3]}"),
            new Case("dict", "[{a: 1}, {b: 2}]"),
            new Case("dict", "[a, b]"),
            new Case("fileglob", "'*.txt'"),
            new Case("fileglob", "['sub/*.conf', '[bc].t?t', '[!b]*.txt']"),
            new Case("fileglob", "'.*'"),
            new Case("fileglob", "'missing/*'"),
            new Case("first_found", "[missing.txt, a.txt, b.txt]"),
            new Case("first_found", "[{files: [nope.yml, c.conf], paths: [sub, files]}]"),
            new Case("first_found", "[{files: 'nope.yml,b.txt'}]"),
            new Case("first_found", "[{files: [nope.yml], skip: true}]"),
            new Case("first_found", "[nope.yml, other.yml]"),
            new Case("first_found", "[[nested.txt, a.txt]]"),
            new Case("sequence", "start=0x0f end=0x12 format=%04x"),
            new Case("sequence", "'4:host%02d'"),
            new Case("sequence", "2-10/2"),
            new Case("sequence", "['2', 'count=2 start=7']"),
            new Case("sequence", "count=3 start=5 stride=-1"),
            new Case("sequence", "count=0"),
            new Case("sequence", "start=10 end=4 stride=-3 format=%-4d|"),
            new Case("sequence", "end=3 format=%5.3d"),
            new Case("sequence", "end=12 format=%+#o"),
            new Case("sequence", "end=12 start=9 format=%X"),
            new Case("sequence", "end=2 format=%#x"),
            new Case("sequence", "end=2 format=%.2f"),
            new Case("sequence", "start=5 end=1"),
            new Case("sequence", "start=1 end=5 stride=-1"),
            new Case("sequence", "start=010 end=5"),
            new Case("sequence", "start=1 end=5 foo=1"),
            new Case("sequence", "count=2 end=3"),
            new Case("sequence", "start=3"),
            new Case("sequence", "end=2 format=%d%d"),
            new Case("sequence", "3"),
            new Case("together", "[[1, 2, 3], [a, b]]"),
            new Case("together", "[[1, [2, 3]], [a], x]"),
            new Case("together", "[]"),
            new Case("nested", "[[a, b], [1, 2], [x]]"),
            new Case("nested", "[[ab, c]]"),
            new Case("nested", "[[a, [b, c]], [1]]"),
            new Case("subelements", "[[{name: alice, keys: [k1, k2], extra: 1}, {name: bob, keys: []}], keys]"),
            new Case("subelements", "[[{name: alice, auth: {keys: [k1]}}, {name: bob, auth: {}}], auth.keys, {skip_missing: true}]"),
            new Case("subelements", "[{alice: {name: alice, keys: [k1]}, carol: {name: carol, keys: [k3, k4]}}, keys]"),
            new Case("subelements", "[[{name: a, keys: [1]}, {name: skipped, skipped: true, keys: [2]}], keys]"),
            new Case("subelements", "[[{name: bob}], keys]"),
            new Case("subelements", "[[{name: bob, keys: x}], keys]"),
            new Case("subelements", "[[a], keys]"));

    @TempDir
    static Path dir;
    private static JsonNode ansible;

    /** One ansible-playbook run: each case a looped task, then every case's items (or failure) in one JSON file. */
    @BeforeAll
    static void ansibleLoopsOverEveryCase() throws Exception {
        Files.createDirectories(dir.resolve("files/sub"));
        for (String f : List.of("files/b.txt", "files/a.txt", "files/.hidden.txt", "files/c.conf", "files/sub/x.conf",
                "files/sub/y.conf", "a.txt", "nested.txt", "files/ct.txt")) {
            Files.writeString(dir.resolve(f), f + "\n");
        }
        Files.createDirectories(dir.resolve("files/dir.txt"));
        StringBuilder play = new StringBuilder("- hosts: localhost\n  gather_facts: false\n  tasks:\n");
        for (int i = 0; i < CASES.size(); i++) {
            play.append("    - debug: msg=x\n      with_").append(CASES.get(i).lookup()).append(": ").append(CASES.get(i).terms())
                    .append("\n      register: case_").append(i).append("\n      ignore_errors: true\n");
        }
        String all = IntStream.range(0, CASES.size()).mapToObj(i -> "'" + i + "': ((case_" + i + ".results | map(attribute='item')"
                + " | list) if case_" + i + ".results is defined else 'refused')").collect(Collectors.joining(", "));
        play.append("    - copy:\n        dest: ").append(dir.resolve("ansible.json"))
                .append("\n        content: \"{{ {").append(all).append("} | to_json }}\"\n");
        Files.writeString(dir.resolve("loops.yml"), play);
        String out = AnsiblePlaybook.run(dir, dir, List.of("-i", "localhost,", "-c", "local", dir.resolve("loops.yml").toString()));
        assertThat(dir.resolve("ansible.json")).as(out).exists();
        ansible = JSON.readTree(dir.resolve("ansible.json").toFile());
    }

    static List<Integer> cases() {
        return IntStream.range(0, CASES.size()).boxed().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesTheItemsAnsibleGives(int index) throws Exception {
        Case c = CASES.get(index);
        JsonNode expected = ansible.get(String.valueOf(index));
        Yaml11 terms = Yaml11.parse("case", c.terms());
        Loop loop = new Loop(Loop.With.of("with_" + c.lookup()).orElseThrow(), terms.value(terms.root()), LoopControl.DEFAULT);
        LoopItems items = new LoopItems(new SearchPath(List.of(dir)));

        if (expected.isTextual() && expected.asText().equals("refused")) {
            assertThatThrownBy(() -> items.of(loop, "debug", UnaryOperator.identity())).as(c.toString())
                    .isInstanceOf(IllegalArgumentException.class);
        } else {
            JsonNode actual = JSON.readTree(JSON.writeValueAsString(items.of(loop, "debug", UnaryOperator.identity())));
            assertThat(actual).as(c.toString()).isEqualTo(expected);
        }
    }

    @Test
    void aFirstFoundTermNamingAnUndefinedVariableIsPassedOver() {
        Loop loop = new Loop(Loop.With.FIRST_FOUND, List.of("${flavour}.txt", "${os}.txt"), LoopControl.DEFAULT);
        Templates templates = new Templates();
        Map<String, Object> vars = Map.of("os", "a");

        List<Object> found = new LoopItems(new SearchPath(List.of(dir))).of(loop, "copy", v -> templates.render(v, vars));

        assertThat(found).containsExactly(dir.resolve("files/a.txt").toString());
    }

    @Test
    void theTemplateModuleLooksUnderTemplatesAndIncludeVarsUnderVars() throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        Files.createDirectories(dir.resolve("vars"));
        Files.writeString(dir.resolve("templates/only.txt"), "t\n");
        Files.writeString(dir.resolve("vars/only.txt"), "v\n");
        Loop loop = new Loop(Loop.With.FIRST_FOUND, List.of("only.txt"), LoopControl.DEFAULT);
        LoopItems items = new LoopItems(new SearchPath(List.of(dir)));

        assertThat(items.of(loop, "template", UnaryOperator.identity())).containsExactly(dir.resolve("templates/only.txt").toString());
        assertThat(items.of(loop, "include_vars", UnaryOperator.identity())).containsExactly(dir.resolve("vars/only.txt").toString());
        assertThatThrownBy(() -> items.of(loop, "copy", UnaryOperator.identity())).hasMessageContaining("only.txt");
    }
}
