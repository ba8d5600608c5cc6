package dev.unwind.convert;

import dev.unwind.template.Templates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Jinja conditions and expressions as {@code unwind convert} writes them: the FreeMarker text, and — against one set of
 * variables — the truth or value Ansible gives the Jinja, from unwind's own evaluator of the converted form.
 */
class ConvertExpressionsTest {
    private static final Map<String, Object> VARS = Map.of("flag", "yes", "off", false, "name", "Web", "port", "8080",
            "features", List.of("alpha", "beta"), "users", List.of(Map.of("name", "ann", "on", true), Map.of("name", "bo", "on", false)),
            "result", Map.of("changed", true, "failed", false, "skipped", false, "rc", 0, "stdout", "all ok"),
            "facts", Map.of("os_family", "Debian"), "groups", Map.of("web", List.of("h1", "h2")), "inventory_hostname", "h2");
    private final Templates templates = new Templates();

    static Stream<Arguments> conditions() {
        return Stream.of(
                arguments("name is defined", "name??", true),
                arguments("missing is undefined", "!missing??", true),
                arguments("missing is not defined", "!missing??", true),
                arguments("missing is none", "!missing??", true),
                arguments("flag | bool", "flag", true),
                arguments("not flag | bool", "!flag", false),
                arguments("not off", "!off", true),
                arguments("off or name == 'Web'", "off || name == \"Web\"", true),
                arguments("not off and port | int > 80", "!off && port?is_number?then(port, port?number)?int > 80", true),
                arguments("'beta' in features", "features?is_sequence?then(features?seq_contains(\"beta\"), features?is_hash?then("
                        + "features?keys?seq_contains(\"beta\"), features?contains(\"beta\")))", true),
                arguments("'gamma' not in features", "!features?is_sequence?then(features?seq_contains(\"gamma\"), features?is_hash?then("
                        + "features?keys?seq_contains(\"gamma\"), features?contains(\"gamma\")))", true),
                arguments("inventory_hostname in groups['web']", "groups[\"web\"]?is_sequence?then(groups[\"web\"]?seq_contains("
                        + "inventory_hostname), groups[\"web\"]?is_hash?then(groups[\"web\"]?keys?seq_contains(inventory_hostname), "
                        + "groups[\"web\"]?contains(inventory_hostname)))", true),
                arguments("'web' in groups", "groups?keys?seq_contains(\"web\")", true),
                arguments("'ok' in result.stdout", "result.stdout?contains(\"ok\")", true),
                arguments("result is changed", "result.changed", true),
                arguments("result is not failed", "!result.failed", true),
                arguments("result is succeeded", "!result.failed", true),
                arguments("result is skipped", "result.skipped", false),
                arguments("result.rc == 0", "result.rc == 0", true),
                arguments("result.stdout", "result.stdout?has_content", true),
                arguments("features | length >= 2", "features?size >= 2", true),
                arguments("name | lower == 'web'", "name?lower_case == \"web\"", true),
                arguments("name | upper | length == 3", "name?upper_case?length == 3", true),
                arguments("missing | default('x') == 'x'", "(missing!\"x\") == \"x\"", true),
                arguments("facts['os_family'] == 'Debian'", "facts[\"os_family\"] == \"Debian\"", true),
                arguments("facts.os_family != 'RedHat'", "facts.os_family != \"RedHat\"", true),
                arguments("name is match('W')", "name?matches(\"(?:W)[\\\\s\\\\S]*\")", true),
                arguments("name is search('e')", "name?matches(\"[\\\\s\\\\S]*(?:e)[\\\\s\\\\S]*\")", true),
                arguments("name.startswith('We')", "name?starts_with(\"We\")", true),
                arguments("users | selectattr('on') | list | length == 1", "users?filter(it -> it.on)?size == 1", true),
                arguments("(users | map(attribute='name') | join(',')) == 'ann,bo'",
                        "users?map(it -> it.name)?join(\",\") == \"ann,bo\"", true),
                arguments("features[0] == 'alpha' and features | last == 'beta'", "features[0] == \"alpha\" && features?last == \"beta\"", true),
                arguments("(port | int) // 1000 == 8", "(port?is_number?then(port, port?number)?int / 1000)?floor == 8", true),
                arguments("{{ name is defined }}", "name??", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void aConditionBecomesAFreeMarkerConditionThatHoldsAsAnsiblesDoes(String jinja, String freemarker, boolean holds) {
        String converted = convertCondition(jinja);

        assertThat(converted).isEqualTo(freemarker);
        assertThat(templates.syntaxOfCondition(converted)).isEmpty();
        assertThat(templates.test(converted, VARS)).as(converted).isEqualTo(holds);
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                arguments("{{ name }}", "${name}", "Web"),
                arguments("{{ name | lower }}.example.com", "${name?lower_case}.example.com", "web.example.com"),
                arguments("{{ missing | default('none') }}", "${missing!\"none\"}", "none"),
                arguments("{{ missing | d(name) }}", "${missing!name}", "Web"),
                arguments("{{ features | join(', ') }}", "${features?join(\", \")}", "alpha, beta"),
                arguments("{{ features | first | upper }}", "${features?first?upper_case}", "ALPHA"),
                arguments("{{ name ~ '-' ~ port }}", "${name?string + \"-\" + port?string}", "Web-8080"),
                arguments("{{ port | int + 1 }}", "${port?is_number?then(port, port?number)?int + 1}", "8081"),
                arguments("{{ name | replace('W', 'w') | trim }}", "${name?replace(\"W\", \"w\")?trim}", "web"),
                arguments("{{ 'on' if flag | bool else 'off' }}",
                        "${flag?is_boolean?then(flag, [\"true\", \"yes\", \"on\", \"1\"]?seq_contains(flag?string?lower_case))?then(\"on\", \"off\")}", "on"),
                arguments("{{ off | ternary('yes', 'no') }}", "${off?then(\"yes\", \"no\")}", "no"),
                arguments("{{ name == 'Web' }}", "${(name == \"Web\")?then(\"True\", \"False\")}", "True"),
                arguments("{{ '/a/b/c.txt' | basename }} {{ '/a/b/c.txt' | dirname }}",
                        "${\"/a/b/c.txt\"?split(\"/\")?last} ${\"/a/b/c.txt\"?keep_before_last(\"/\")}", "c.txt /a/b"),
                arguments("{{ 'a-b' | regex_replace('(\\\\w)-(\\\\w)', '\\\\2+\\\\1') }}",
                        "${\"a-b\"?replace(\"(\\\\w)-(\\\\w)\", \"$2+$1\", \"r\")}", "b+a"),
                arguments("{{ features | map('upper') | list | join }}", "${features?map(it -> it?upper_case)?join(\"\")}", "ALPHABETA"),
                arguments("{{ users | rejectattr('on') | map(attribute='name') | first }}",
                        "${users?filter(it -> !it.on)?map(it -> it.name)?first}", "bo"),
                arguments("{{ features[1:] | join }}", "${features[1..]?join(\"\")}", "beta"),
                arguments("{{ range(3) | join('.') }}", "${(0..<3)?join(\".\")}", "0.1.2"),
                arguments("{{ 'Ciphers' | comment }}", "${\"#\\n\" + \"Ciphers\"?split(\"\\n\")?map(l -> \"# \" + l)?join(\"\\n\") + \"\\n#\"}",
                        "#\n# Ciphers\n#"),
                arguments("{{ ['x', '', 'y'] | join('\\n') | indent(2) }}",
                        "${[\"x\", \"\", \"y\"]?join(\"\\n\")?replace(\"\\n(?=[^\\n])\", \"\\n  \", \"r\")}", "x\n\n  y"),
                arguments("{{ 'OpenSSH_9.2p1' | regex_replace('.*_([0-9]*.[0-9]).*', '\\1') }}",
                        "${\"OpenSSH_9.2p1\"?replace(\".*_([0-9]*.[0-9]).*\", \"$1\", \"r\")}", "9.2"),
                arguments("echo ${HOME} {{ name }}", "<#noparse>echo ${HOME} </#noparse>${name}", "echo ${HOME} Web"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void textWithJinjaBecomesFreeMarkerTextThatRendersAsAnsiblesDoes(String jinja, String freemarker, String rendered) {
        JinjaTemplates.Converted c = JinjaTemplates.convert(jinja);

        assertThat(c.gaps()).isEmpty();
        assertThat(c.text()).isEqualTo(freemarker);
        assertThat(templates.renderText(c.text(), VARS)).isEqualTo(rendered);
    }

    private static String convertCondition(String jinja) {
        String c = jinja.startsWith("{{") ? jinja.substring(2, jinja.length() - 2) : jinja;
        return new JinjaExpressions().condition(c);
    }
}
