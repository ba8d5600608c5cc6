package dev.unwind.template.jinja;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The evaluation itself, quickly; {@link EstateJinjaTest} holds it to ansible-playbook. */
class EstateValuesTest {
    private static Map<String, Object> resolve(Map<String, Object> vars) {
        return EstateValues.resolve(vars, vars, k -> new Position("group_vars/web.yml", 3, 1));
    }

    @Test
    void aValueReferringToAnotherSeesItEvaluatedFirstAndKeepsItsType() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("url", "{{ scheme }}://{{ fqdn }}:{{ port }}/");
        v.put("fqdn", "{{ inventory_hostname }}.example.com");
        v.put("scheme", "https");
        v.put("port", 8443);
        v.put("inventory_hostname", "web1");
        v.put("names", "{{ ['a', 'b'] | map('upper') | list }}");
        v.put("flag", "{{ 'yes' | bool }}");
        v.put("mixed", "{{ names }} and {{ flag }} and {{ none_value }}");
        v.put("none_value", null);
        v.put("count", "{{ names | length }}");

        Map<String, Object> r = resolve(v);

        assertThat(r.get("url")).isEqualTo("https://web1.example.com:8443/");
        assertThat(r.get("names")).isEqualTo(List.of("A", "B"));
        assertThat(r.get("flag")).isEqualTo(true);
        assertThat(r.get("mixed")).isEqualTo("['A', 'B'] and True and ");
        assertThat(r.get("count")).isEqualTo("2");
    }

    @Test
    void whatCannotBeEvaluatedNamesTheFileTheVariableAndTheExpression() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("app_dir", "{{ base_dir }}/app");
        assertThatThrownBy(() -> resolve(v)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("group_vars/web.yml:3").hasMessageContaining("app_dir").hasMessageContaining("{{ base_dir }}/app")
                .hasMessageContaining("'base_dir' is undefined");

        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("a", "{{ b }}");
        loop.put("b", "{{ a }}");
        assertThatThrownBy(() -> resolve(loop)).isInstanceOf(InvalidInput.class).hasMessageContaining("recursive loop");
    }

    @Test
    void defaultsAndTestsTakeAnUndefinedVariable() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("port", "{{ http_port | default(80) }}");
        v.put("has", "{{ http_port is defined }}");
        v.put("pick", "{{ (env == 'prod') | ternary('big', 'small') }}");
        v.put("env", "dev");
        Map<String, Object> r = resolve(v);
        assertThat(r).containsEntry("port", "80").containsEntry("has", false).containsEntry("pick", "small");
    }

    @Test
    void versionTestsCompareAsAnsibleDoes() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("a", "{{ '1.10.2' is version('1.9', '>') }}");
        v.put("b", "{{ '1.10.2' is version('1.9', 'lt') }}");
        v.put("c", "{{ 'x.conf' | basename }}");
        Map<String, Object> r = resolve(v);
        assertThat(r).containsEntry("a", true).containsEntry("b", false).containsEntry("c", "x.conf");
    }

    @Test
    void aDeferredValueIsEvaluatedOnceHoweverOftenItIsUsed() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        Map<String, Object> context = new LinkedHashMap<>() {
            @Override
            public Object get(Object key) {
                if ("base".equals(key)) {
                    reads.incrementAndGet();
                }
                return super.get(key);
            }
        };
        Map<String, Object> estate = new LinkedHashMap<>();
        estate.put("base", "/srv");
        estate.put("data", "{{ base }}/data");
        estate.put("broken", "{{ nowhere }}");
        context.putAll(estate);
        Map<String, Object> vars = EstateValues.over(List.of(estate), context, k -> new Position("group_vars/all.yml", 2, 1)).deferred(estate);

        assertThat(vars.get("data")).isInstanceOf(dev.unwind.template.Deferred.class);
        reads.set(0);
        for (int i = 0; i < 100; i++) {
            assertThat(dev.unwind.template.Deferred.resolved(vars.get("data"))).isEqualTo("/srv/data");
        }
        assertThat(reads.get()).isEqualTo(1);
        for (int i = 0; i < 2; i++) {
            // and a value that cannot be evaluated fails alike each time it is used (it is not a loop of references)
            assertThatThrownBy(() -> dev.unwind.template.Deferred.resolved(vars.get("broken"))).isInstanceOf(dev.unwind.template.Deferred.Undefined.class)
                    .hasMessageContaining("group_vars/all.yml:2:1").hasMessageContaining("broken").hasMessageContaining("'nowhere' is undefined");
        }
    }

    @Test
    void syntaxIsCheckedWithoutEvaluating() {
        assertThat(EstateValues.syntaxError("{{ a | default('x') }} and {{ b.c[0] }}")).isEmpty();
        assertThat(EstateValues.syntaxError("{% if a %}{{ a }}{% else %}none{% endif %}")).isEmpty();
        assertThat(EstateValues.syntaxError("{{ undefined_thing | no_such_filter }}")).as("found when evaluated").isEmpty();
        assertThat(EstateValues.syntaxError("{{ a + }}")).isPresent();
        assertThat(EstateValues.syntaxError("{{ a ")).isPresent();
        assertThat(EstateValues.syntaxError("{% if a %}x")).isPresent();
        assertThat(EstateValues.syntaxError("{% if a == %}x{% endif %}")).isPresent();
        assertThat(EstateValues.syntaxError("{% for x in y %}{{ x ) }}{% endfor %}")).isPresent();
    }
}
