package dev.unwind.convert;

import dev.unwind.template.Templates;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Jinja templates converted, then rendered by unwind: the bytes are what Ansible's Jinja (trim_blocks on, the trailing
 * newline kept) renders — the expected outputs were taken from python3-jinja2 with Ansible's settings.
 */
class ConvertTemplatesTest {
    private static final Map<String, Object> VARS = Map.of("on", true, "xs", List.of("a", "b", "c"),
            "d", new java.util.LinkedHashMap<>(Map.of("k1", "v1")));
    @TempDir
    Path dir;

    static Stream<Arguments> templates() {
        return Stream.of(
                arguments("{% if on %}\nyes\n{% endif %}\n", "yes\n", "<#if on>\nyes\n</#if>\n"),
                arguments("  {% if on %}\n  yes\n  {% endif %}\nafter\n", "    yes\n  after\n", null),
                arguments("{% for x in xs %}\n- {{ x }}\n{% endfor %}\n", "- a\n- b\n- c\n", "<#list xs as x>\n- ${x}\n</#list>\n"),
                arguments("{% for x in xs -%}\n  {{ x }},\n{%- endfor %}\n", "a,b,c,", null),
                arguments("a {# note #}\nb\n{#- gone -#}\n  c\n", "a bc\n", null),
                arguments("{% for x in xs %}{{ loop.index0 }}{{ '|' if not loop.last }}{% endfor %} of {{ xs | length }}\n", "0|1|2 of 3\n", null),
                arguments("{% set n = xs | length %}{% if n > 1 %}many{% else %}few{% endif %}\n", "many", null),
                arguments("{% for k, v in d.items() %}\n{{ k }}={{ v }}\n{% endfor %}", "k1=v1\n", null),
                arguments("{% for x in xs %}{% else %}empty{% endfor %}|{% for x in [] %}{% else %}empty{% endfor %}\n", "|empty", null),
                arguments("#jinja2: trim_blocks: False\n{% if on %}\nkept\n{% endif %}\n", "\nkept\n\n", null),
                arguments("${HOME} and <#if> stay\n", "${HOME} and <#if> stay\n", "<#noparse>${HOME}</#noparse> and <#noparse><#if></#noparse> stay\n"),
                arguments("{% if on %}  \nspaces after the tag\n{% endif %}\n", "  \nspaces after the tag\n", null),
                arguments("{% for x in xs if x != 'b' %}{{ loop.index }}{{ x }}{% endfor %}\n", "1a2c", null),
                arguments("{% set total %}{{ xs | join('+') }}{% endset %}[{{ total }}]\n", "[a+b+c]\n", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void aTemplateRendersTheBytesJinjaRenders(String jinja, String rendered, String freemarker) throws IOException {
        JinjaTemplates.Converted c = JinjaTemplates.convert(jinja);
        Path file = Files.writeString(dir.resolve("t.ftl"), c.text());

        assertThat(c.gaps()).isEmpty();
        if (freemarker != null) {
            assertThat(c.text()).isEqualTo(freemarker);
        }
        assertThat(new Templates().renderFile(file, VARS)).as(c.text()).isEqualTo(rendered);
    }
}
