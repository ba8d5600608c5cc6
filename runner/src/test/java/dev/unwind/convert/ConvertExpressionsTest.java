package dev.unwind.convert;

import dev.unwind.template.Templates;
import dev.unwind.testing.AnsiblePlaybook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Jinja conditions and expressions as {@code unwind convert} writes them: the FreeMarker text, and — against one set of
 * variables — the truth or value of the converted form in unwind's evaluator, which must be what ansible-playbook, the
 * oracle, gives the Jinja (every row rendered by one run of its template module, compared byte for byte).
 */
class ConvertExpressionsTest {
    private static final Map<String, Object> VARS = withNothing(Map.ofEntries(
            Map.entry("flag", "yes"),
            Map.entry("off", false),
            Map.entry("name", "Web"),
            Map.entry("port", "8080"),
            Map.entry("features", List.of("alpha", "beta")),
            Map.entry("users", List.of(Map.of("name", "ann", "on", true), Map.of("name", "bo", "on", false))),
            Map.entry("result", Map.of("changed", true, "failed", false, "skipped", false, "rc", 0, "stdout", "all ok")),
            Map.entry("facts", Map.of("os_family", "Debian")),
            Map.entry("blank", ""),
            Map.entry("release", "22.04"),
            Map.entry("groups", Map.of("web", List.of("h1", "h2"))),
            Map.entry("inventory_hostname", "h2")));
    /** Ansible's own: the oracle's inventory makes them (h2 of group web, with h1), they are not play variables there. */
    private static final List<String> MAGIC = List.of("groups", "inventory_hostname");
    private static final String ROW = "@@ROW@@";
    private static Map<String, String> ansible;
    private final Templates templates = new Templates();

    /** The variables and {@code nothing}, which is None (YAML's {@code ~}): FreeMarker has no null, so it is missing there. */
    private static Map<String, Object> withNothing(Map<String, Object> vars) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(vars);
        all.put("nothing", null);
        return java.util.Collections.unmodifiableMap(all);
    }

    static Stream<Arguments> conditions() {
        return Stream.of(
                arguments("name is defined", "name??", true),
                arguments("missing is undefined", "!missing??", true),
                arguments("missing is not defined", "!missing??", true),
                arguments("nothing is none", "!nothing??", true),
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
                arguments("{{ name is defined }}", "name??", true),
                // Jinja's not binds looser than a comparison, where Jinjava's parser binds it tighter
                arguments("not name == 'Web'", "!(name == \"Web\")", false),
                arguments("not port | int + 1 == 8081", "!(port?is_number?then(port, port?number)?int + 1 == 8081)", false),
                arguments("not 'gamma' in features and off == false", "!features?is_sequence?then(features?seq_contains(\"gamma\"), "
                        + "features?is_hash?then(features?keys?seq_contains(\"gamma\"), features?contains(\"gamma\"))) && off == false", true),
                // a value's identity with a boolean: false for an undefined one, or a text
                arguments("missing is sameas true", "missing?? && missing?is_boolean && missing", false),
                arguments("off is sameas false", "off?? && off?is_boolean && !off", true),
                arguments("flag is true", "flag?? && flag?is_boolean && flag", false),
                // Ansible's loose version comparison: numbers as numbers, letters as text, the longer one after
                arguments("'9.2p1' is version('9.2', '>=')", "version_compare(\"9.2p1\", \"9.2\", \">=\")", true),
                arguments("release is version('22.4', '==')", "version_compare(release, \"22.4\", \"==\")", true),
                arguments("port is version('10000', 'lt')", "version_compare(port, \"10000\", \"lt\")", true),
                arguments("release is version('22.10')", "version_compare(release, \"22.10\")", false),
                // a path on the controller, as Ansible's test looks
                arguments("'/etc' is exists", "path_exists(\"/etc\")", true),
                arguments("'/no/such/path' is exists or off", "path_exists(\"/no/such/path\") || off", false),
                arguments("result.stdout or name == 'x'", "result.stdout?has_content || name == \"x\"", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void aConditionBecomesAFreeMarkerConditionThatHoldsAsAnsiblesDoes(String jinja, String freemarker, boolean holds) throws Exception {
        String converted = convertCondition(jinja);

        assertThat(converted).isEqualTo(freemarker);
        assertThat(templates.syntaxOfCondition(converted)).isEmpty();
        assertThat(templates.test(converted, VARS)).as(converted).isEqualTo(holds);
        assertThat(ansible().get(jinja)).as("ansible-playbook's truth of " + jinja).isEqualTo(holds ? "True" : "False");
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
                arguments("{{ 'OpenSSH_9.2p1' | regex_replace('.*_([0-9]*.[0-9]).*', '\\\\1') }}",
                        "${\"OpenSSH_9.2p1\"?replace(\".*_([0-9]*.[0-9]).*\", \"$1\", \"r\")}", "9.2"),
                // '\1' is Python's octal escape, the character 1: not a group
                arguments("{{ 'OpenSSH_9.2p1' | regex_replace('.*_([0-9]*.[0-9]).*', '\\1') }}",
                        "${\"OpenSSH_9.2p1\"?replace(\".*_([0-9]*.[0-9]).*\", \"\\x0001\", \"r\")}", "\u0001"),
                arguments("echo ${HOME} {{ name }}", "echo <#noparse>${HOME}</#noparse> ${name}", "echo ${HOME} Web"),
                // Ansible 1's ${var}, which Ansible 2 and later keep as text: a k=v line keeps its keys readable
                arguments("repo=${repository} dest=/var/www/{{ name }}", "repo=<#noparse>${repository}</#noparse> dest=/var/www/${name}",
                        "repo=${repository} dest=/var/www/Web"),
                // Python's and/or give one of their operands
                arguments("{{ blank or 'fallback' }}", "${(blank?is_boolean?then(blank, blank?is_number?then(blank != 0, blank?has_content)))?then(blank, \"fallback\")}", "fallback"),
                arguments("{{ name or 'fallback' }}", "${(name?is_boolean?then(name, name?is_number?then(name != 0, name?has_content)))?then(name, \"fallback\")}", "Web"),
                arguments("{{ name and port }}", "${(name?is_boolean?then(name, name?is_number?then(name != 0, name?has_content)))?then(port, name)}", "8080"),
                arguments("{{ 'a' if not name == 'x' else 'b' }}", "${(!(name == \"x\"))?then(\"a\", \"b\")}", "a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void textWithJinjaBecomesFreeMarkerTextThatRendersAsAnsiblesDoes(String jinja, String freemarker, String rendered) throws Exception {
        JinjaTemplates.Converted c = JinjaTemplates.convert(jinja);

        assertThat(c.gaps()).isEmpty();
        assertThat(c.text()).isEqualTo(freemarker);
        assertThat(templates.renderText(c.text(), VARS)).isEqualTo(rendered);
        assertThat(ansible().get(jinja)).as("ansible-playbook's rendering of " + jinja).isEqualTo(rendered);
    }

    /**
     * Every row as ansible-playbook renders it: one template, each condition as {@code {% if C %}True{% else %}False
     * {% endif %}} (what a {@code when:} holds), each text as it is, rendered once on h2.
     */
    private static synchronized Map<String, String> ansible() throws Exception {
        if (ansible != null) {
            return ansible;
        }
        Path dir = Files.createTempDirectory("convert-oracle");
        List<String> rows = new ArrayList<>();
        StringBuilder template = new StringBuilder();
        conditions().forEach(a -> {
            String c = (String) a.get()[0];
            rows.add(c);
            String bare = c.startsWith("{{") ? c.substring(2, c.length() - 2) : c;
            template.append(ROW).append("{% if ").append(bare).append(" %}True{% else %}False{% endif %}");
        });
        texts().forEach(a -> {
            rows.add((String) a.get()[0]);
            template.append(ROW).append((String) a.get()[0]);
        });
        Files.writeString(dir.resolve("rows.j2"), template.append(ROW).toString());
        Map<String, Object> vars = new java.util.TreeMap<>(VARS);
        MAGIC.forEach(vars::remove);
        Files.writeString(dir.resolve("vars.json"), new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(vars));
        Files.writeString(dir.resolve("hosts.ini"), "[web]\nh1\nh2\n[web:vars]\nansible_connection=local\n");
        Files.writeString(dir.resolve("rows.yml"), "- hosts: h2\n  gather_facts: false\n  tasks:\n"
                + "    - template: src=rows.j2 dest=" + dir.resolve("rendered") + "\n");
        String out = AnsiblePlaybook.run(dir, dir, List.of("-i", "hosts.ini", "-e", "@vars.json", "rows.yml"));
        assertThat(dir.resolve("rendered")).as(out).exists();
        String[] rendered = Files.readString(dir.resolve("rendered")).split(java.util.regex.Pattern.quote(ROW), -1);
        assertThat(rendered).as(out).hasSize(rows.size() + 2);
        Map<String, String> byRow = new java.util.HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byRow.put(rows.get(i), rendered[i + 1]);
        }
        ansible = byRow;
        return ansible;
    }

    private static String convertCondition(String jinja) {
        String c = jinja.startsWith("{{") ? jinja.substring(2, jinja.length() - 2) : jinja;
        return new JinjaExpressions().condition(c);
    }
}
