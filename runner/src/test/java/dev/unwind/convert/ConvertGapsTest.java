package dev.unwind.convert;

import dev.unwind.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code unwind convert} cannot convert is listed at its file and line (exit 1); input that is not YAML is exit 5. */
class ConvertGapsTest {
    @TempDir
    Path root;

    @Test
    void aMacroACustomFilterAndALookupAreListedWithFileAndLine() throws Exception {
        Path in = Files.createDirectories(root.resolve("in"));
        Files.createDirectories(in.resolve("templates"));
        Files.writeString(in.resolve("site.yml"), """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: a custom filter
                      ansible.builtin.debug:
                        msg: "{{ secret | my_vault_decrypt }}"
                    - name: a lookup
                      ansible.builtin.debug:
                        msg: "{{ lookup('file', '/etc/hostname') }}"
                      when: inventory_hostname is defined
                    - name: the template
                      ansible.builtin.template:
                        src: page.j2
                        dest: /tmp/page
                        mode: "0644"
                """);
        Files.writeString(in.resolve("templates/page.j2"), """
                {% macro row(x) %}<td>{{ x }}</td>{% endmacro %}
                <tr>{{ row(1) }}</tr>
                {{ items | to_json }}
                fine: {{ items | length }}
                {{ 'yes' if major <= '6' else 'no' }}
                {% if on %}{% if v is subset([1, 2]) %}new{% else %}old{% endif %}{% endif %}
                """);

        Cli.Result r = new Cli(root.resolve("home")).run("convert", in.toString(), "--out", root.resolve("out").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains(in.resolve("site.yml") + ":6: the filter 'my_vault_decrypt' has no FreeMarker form")
                .contains(in.resolve("site.yml") + ":9: the Jinja function lookup() has no FreeMarker form")
                .contains(in.resolve("templates/page.j2") + ":1: the Jinja statement {% macro %} has no FreeMarker form")
                .contains(in.resolve("templates/page.j2") + ":3: the filter 'to_json' has no FreeMarker form")
                .contains(in.resolve("templates/page.j2") + ":6: the test 'subset' has no FreeMarker form")
                .contains(in.resolve("templates/page.j2") + ":5: texts compared with <= (Python compares them letter by letter)")
                .contains("thing(s) need hand work");
        // what could be converted is: the rest of the template, the condition, the .j2 name
        // a block left in Jinja keeps its else and end in Jinja: the FreeMarker around it still pairs up
        assertThat(Files.readString(root.resolve("out/templates/page.ftl"))).contains("fine: ${items?size}")
                .contains("<#if on>{% if v is subset([1, 2]) %}new{% else %}old{% endif %}</#if>");
        assertThat(Files.readString(root.resolve("out/site.yml"))).contains("when: inventory_hostname??").contains("src: page.ftl");
    }

    @Test
    void inputThatIsNotYamlIsRefusedAtItsLineAndColumn() throws Exception {
        Path in = Files.createDirectories(root.resolve("in"));
        Files.writeString(in.resolve("site.yml"), "- hosts: all\n  tasks:\n    - name: [unclosed\n");

        Cli.Result r = new Cli(root.resolve("home")).run("convert", in.toString(), "--out", root.resolve("out").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(in.resolve("site.yml").toString()) + ":\\d+:\\d+: invalid YAML")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(root.resolve("out")).doesNotExist();
    }
}
