package dev.unwind.template;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FreeMarker as playbooks use it: ${...} in strings, bare conditions, typed values, and a safe configuration. */
class TemplatesTest {
    private final Templates t = new Templates();
    private final Map<String, Object> vars = Map.of("mke3", Map.of("version", "3.8.5"), "nodes", List.of("a", "b"),
            "port", 6443, "on", true);

    @Test
    void stringsAreRenderedAndAWholeExpressionKeepsItsType() {
        assertThat(t.renderString("v${mke3.version}", vars)).isEqualTo("v3.8.5");
        assertThat(t.renderString("${nodes}", vars)).isEqualTo(List.of("a", "b"));
        assertThat(t.renderString("${port + 1}", vars)).isEqualTo(6444);
        assertThat(t.renderString("${port}", Map.of("port", 1234567))).isEqualTo(1234567);
        assertThat(t.renderString("port ${1234567}", vars)).isEqualTo("port 1234567");
        assertThat(t.renderString("plain", vars)).isEqualTo("plain");
    }

    @Test
    void aWholeExpressionWithHashLiteralsAndLambdasKeepsItsType() {
        assertThat(t.renderString("${nodes?map(n -> {\"name\": n, \"port\": port})}", vars))
                .isEqualTo(List.of(Map.of("name", "a", "port", 6443), Map.of("name", "b", "port", 6443)));
        assertThat(t.renderString("${port} and ${port}", vars)).isEqualTo("6443 and 6443");
        assertThat(t.renderString("${\"}\"}", vars)).isEqualTo("}");
    }

    @Test
    void conditionsAreBareExpressions() {
        assertThat(t.test("mke3.version?starts_with(\"3.8\")", vars)).isTrue();
        assertThat(t.test("port == 6443 && on", vars)).isTrue();
        assertThat(t.test("nodes?size > 2", vars)).isFalse();
        assertThat(t.test("${on}", vars)).isTrue();
        assertThat(t.test("false", vars)).isFalse();
    }

    @Test
    void anUndefinedVariableIsNamed() {
        assertThatThrownBy(() -> t.renderString("${mke4.version}", vars))
                .isInstanceOf(TemplateError.class)
                .hasMessageContaining("undefined variable 'mke4'")
                .extracting(e -> ((TemplateError) e).undefined()).isEqualTo("mke4");
    }

    @Test
    void aVariableHoldingAnAnsibleTruthWordIsABooleanWhereAConditionWantsOne() {
        for (String yes : List.of("true", "yes", "on", "1", "True", "Y")) {
            assertThat(t.test("flag", Map.of("flag", yes))).as(yes).isTrue();
            assertThat(t.test("!flag", Map.of("flag", yes))).as("!" + yes).isFalse();
        }
        for (String no : List.of("false", "no", "off", "0", "NO")) {
            assertThat(t.test("flag", Map.of("flag", no))).as(no).isFalse();
        }
        assertThatThrownBy(() -> t.test("flag", Map.of("flag", "maybe"))).hasMessageContaining("flag");
    }

    @Test
    void anErrorInATemplateFileNamesTheFileLineAndColumn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("app.conf.ftl");
        java.nio.file.Files.writeString(file, "first line\nport = ${app_port}\n");
        assertThatThrownBy(() -> t.renderFile(file, Map.of())).isInstanceOf(TemplateError.class)
                .hasMessageContaining(file + ":2:10").hasMessageContaining("app_port");
    }

    @Test
    void aConditionThatIsNotABooleanIsRefused() {
        assertThatThrownBy(() -> t.test("mke3.version", vars)).isInstanceOf(TemplateError.class)
                .hasMessageContaining("mke3.version");
    }

    /** Jinja's {@code blank or x} converted is {@code blank || x}: on a text the error says how to ask for its truth. */
    @Test
    void aTextInAndOrIsRefusedWithHowToAskForItsTruth() {
        Map<String, Object> v = Map.of("blank", "", "x", true);
        assertThatThrownBy(() -> t.test("blank || x", v)).isInstanceOf(TemplateError.class)
                .hasMessageContaining("cannot evaluate 'blank || x'").hasMessageContaining("evaluated to a string;")
                .hasMessageEndingWith("write what blank must be, e.g. blank?has_content (not empty) or blank == \"yes\"");
        assertThat(t.test("blank?has_content || x", v)).isTrue();
    }

    @Test
    void classResolutionAndTheApiBuiltInAreRefused() {
        assertThatThrownBy(() -> t.renderString("${\"freemarker.template.utility.Execute\"?new()(\"id\")}", vars))
                .isInstanceOf(TemplateError.class);
        assertThatThrownBy(() -> t.renderString("${nodes?api.size()}", vars)).isInstanceOf(TemplateError.class);
    }

    @Test
    void aSyntaxErrorSaysWhere() {
        assertThatThrownBy(() -> t.renderString("${port +}", vars)).isInstanceOf(TemplateError.class)
                .hasMessageContaining("line 1");
    }
}
