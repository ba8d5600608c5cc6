package dev.unwind.template.jinja;

import dev.unwind.cli.Cli;
import dev.unwind.testing.AnsiblePlaybook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An estate written for Ansible, with Jinja in its inventory, group_vars, host_vars and vars_files (nested references,
 * filters, defaults, tests, conditionals, {@code groups} and {@code hostvars}), and {@code -e}: every variable, written
 * by ansible-playbook and by unwind side by side into a file per host, is byte-identical.
 */
class EstateJinjaTest {
    /** The variables compared; each evaluates to text. */
    private static final List<String> VARIABLES = List.of("fqdn", "address", "base_dir", "data_dir", "env_upper", "web_hosts",
            "first_web_fqdn", "port_list", "summary", "role_label", "replaced", "level", "listen", "config_path", "mixed",
            "shout", "path_parts", "secured", "versioned", "picked", "reserved_words", "printed");

    @TempDir
    Path dir;

    @Test
    void everyVariableOfTheEstateEvaluatesAsAnsiblePlaybookEvaluatesIt() throws Exception {
        write("inventory/hosts.ini", """
                [web]
                web1 ansible_connection=local last_octet=11
                web2 ansible_connection=local last_octet=12

                [db]
                db1 ansible_connection=local last_octet=21

                [all:vars]
                ip_prefix=10.0.0
                """);
        write("inventory/group_vars/all.yml", """
                domain: example.com
                fqdn: "{{ inventory_hostname }}.{{ domain }}"
                address: "{{ ip_prefix }}.{{ last_octet }}"
                base_dir: /srv/{{ app_name | default('app') }}
                data_dir: "{{ base_dir }}/data"
                env_upper: "{{ deploy_env | default('dev') | upper }}"
                web_hosts: "{{ groups['web'] | join(',') }}"
                first_web_fqdn: "{{ hostvars[groups['web'][0]]['fqdn'] }}"
                ports: [80, 443]
                port_list: "{{ ports | join(' ') }}"
                summary: "{{ fqdn }} ({{ address }}) in {{ group_names | join('/') }}"
                role_label: "{{ 'frontend' if 'web' in group_names else 'backend' }}"
                level: "{{ (last_octet | int > 11) | ternary('high', 'low') }}"
                mixed: "ports {{ ports }} web {{ 'web' in group_names }} count {{ ports | length }}"
                shout: "{{ fqdn | upper | replace('.', '-') }}"
                path_parts: "{{ config_path | basename }} in {{ config_path | dirname }}"
                secured: "{{ 'tls' if (ports | select('equalto', 443) | list | length > 0) | bool else 'plain' }}"
                versioned: "{{ ('1.10.2' is version('1.9', '>')) | ternary('newer', 'older') }}"
                picked: "{{ (extra_settings | default({})) | combine({'a': 1}) | dict2items | map(attribute='key') | join(',') }}"
                # names Jinja allows that Jinjava's expression language reserves as operators
                empty: ""
                div: 3
                limits: {gt: 5, mod: m}
                reserved_words: "[{{ empty }}] {{ div + 1 }} {{ limits.gt }}/{{ limits['mod'] }} {{ 7 is gt 3 }} {% for ne in [1, 2] %}{{ ne }}{% endfor %} {{ 'le empty' }}"
                # a template with statements prints its values as Python does: True, ['a', 1], nothing for None
                nothing: ~
                printed: "{% if ports %}{{ ports | length > 1 }} {{ ['a', 1] }} [{{ nothing }}] {{ {'k': 'v'} }}{% endif %}"
                # used by no task: Ansible never evaluates them, and neither does unwind
                unused_broken: "https://{{ nowhere_defined }}.{{ domain }}"
                unused_filter: "{{ domain | no_such_filter }}"
                ansible_python_interpreter_note: "{{ also_nowhere }}"
                """);
        write("inventory/group_vars/web.yml", """
                app_name: shop
                replaced: "{{ fqdn | replace('.', '_') | regex_replace('^web', 'w') }}"
                """);
        write("inventory/group_vars/db.yml", "replaced: \"{{ inventory_hostname | regex_replace('[0-9]+$', '') }}\"\n");
        write("inventory/host_vars/db1.yml", "app_name: ledger\n");
        write("vars/app.yml", """
                listen: "{{ address }}:{{ ports[1] }}"
                config_path: "{{ data_dir }}/{{ app_name | default('app') }}.conf"
                """);
        String tasks = VARIABLES.stream().map(v -> ("    - copy: {content: \"%s\", dest: \"%s/out/%%s/{{host}}/" + v + "\"}\n")
                .formatted("{{ " + v + " }}", dir)).reduce("", String::concat);
        String play = """
                - hosts: all
                  gather_facts: false
                  vars_files: [vars/app.yml]
                  tasks:
                    - file: {path: "%s/out/%%s/{{host}}", state: directory}
                """.formatted(dir) + tasks;
        write("ansible.yml", play.replace("%s", "ansible").replace("{{host}}", "{{ inventory_hostname }}"));
        write("unwind.yml", play.replace("%s", "unwind").replace("{{host}}", "${inventory_hostname}")
                .replaceAll("\\{\\{ (\\w+) }}", "\\${$1}"));

        // the hosts share this machine: one folder per runner exists, each host makes its own below it
        Files.createDirectories(dir.resolve("out/ansible"));
        Files.createDirectories(dir.resolve("out/unwind"));
        String ansible = AnsiblePlaybook.run(dir, dir.resolve("ansible-home"), List.of("-i", "inventory/hosts.ini", "ansible.yml",
                "-e", "deploy_env=prod"));
        Cli.Result unwind = new Cli(dir.resolve("unwind-home")).run("play", dir.resolve("unwind.yml").toString(), "-i",
                dir.resolve("inventory/hosts.ini").toString(), "-e", "deploy_env=prod");

        assertThat(unwind.exitCode()).as(unwind.toString()).isZero();
        Map<String, String> theirs = tree(dir.resolve("out/ansible"));
        assertThat(theirs).as(ansible).hasSize(3 * VARIABLES.size());
        assertThat(tree(dir.resolve("out/unwind"))).isEqualTo(theirs);
    }

    @Test
    void aValueThatCannotBeEvaluatedFailsNamingItsFileLineAndVariable() throws Exception {
        write("inventory/hosts.ini", "web1 ansible_connection=local\n");
        write("inventory/group_vars/all.yml", "domain: example.com\napp_url: \"https://{{ app_host }}.{{ domain }}\"\n");
        write("site.yml", """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - debug: msg="${app_url}"
                """);
        Cli.Result r = new Cli(dir.resolve("unwind-home")).run("play", dir.resolve("site.yml").toString(), "-i",
                dir.resolve("inventory/hosts.ini").toString());

        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.out() + r.err()).contains("group_vars/all.yml:2").contains("app_url").contains("'app_host' is undefined");
    }

    @Test
    void aValueOnlyOneHostUsesBrokenFailsThatHostsTaskAndTheRunUnwindsAsAnsibleFailsIt() throws Exception {
        write("inventory/hosts.ini", "web1 ansible_connection=local\nweb2 ansible_connection=local\n");
        write("inventory/group_vars/all.yml", "domain: example.com\napp_url: \"https://{{ inventory_hostname }}.{{ domain }}\"\n");
        // on web2 alone the value refers to something nothing defines
        write("inventory/host_vars/web2.yml", "domain: \"{{ region }}.example.com\"\n");
        String play = """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - copy: {content: "before", dest: "%s/out/%%s/{{host}}-before"}
                    - copy: {content: "{{ app_url }}", dest: "%s/out/%%s/{{host}}"}
                """.formatted(dir, dir);
        write("ansible.yml", play.replace("%s", "ansible").replace("{{host}}", "{{ inventory_hostname }}"));
        write("unwind.yml", play.replace("%s", "unwind").replace("{{host}}", "${inventory_hostname}")
                .replaceAll("\\{\\{ (\\w+) }}", "\\${$1}"));
        Files.createDirectories(dir.resolve("out/ansible"));
        Files.createDirectories(dir.resolve("out/unwind"));

        String ansible = AnsiblePlaybook.run(dir, dir.resolve("ansible-home"), List.of("-i", "inventory/hosts.ini", "ansible.yml"));
        Cli.Result r = new Cli(dir.resolve("unwind-home")).run("play", dir.resolve("unwind.yml").toString(), "-i",
                dir.resolve("inventory/hosts.ini").toString(), "--json");

        // Ansible: web1 renders it, web2's task fails on the undefined variable
        assertThat(ansible).contains("The task includes an option with an undefined variable").contains("'region' is undefined");
        assertThat(Files.readString(dir.resolve("out/ansible/web1"))).isEqualTo("https://web1.example.com");
        assertThat(dir.resolve("out/ansible/web2")).doesNotExist();
        // unwind: the same failure on web2, naming the variable, where it was written and what is undefined; then it unwinds
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).contains("web2").contains("host_vars/web2.yml:1").contains("domain").contains("'region' is undefined")
                .doesNotContain("at dev.unwind");
        assertThat(r.out().lines().filter(l -> l.contains("'region' is undefined")).filter(l -> l.contains("\"web1\""))).isEmpty();
        assertThat(tree(dir.resolve("out/unwind"))).as("everything unwound").isEmpty();
    }

    @Test
    void aValueReferringToSomethingUndefinedIsUndefinedToTestsAndDefaultsAsInAnsible() throws Exception {
        write("inventory/hosts.ini", "web1 ansible_connection=local\n");
        write("inventory/group_vars/all.yml", "domain: example.com\nbroken: \"https://{{ app_host }}.{{ domain }}\"\n");
        // the same test and default, in each one's language
        String play = """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - copy: {content: %s, dest: "%s/%s"}
                    - copy: {content: "run", dest: "%s/%s-skipped"}
                      when: %s
                """;
        write("ansible.yml", play.formatted("\"{{ 'yes' if broken is defined else 'no' }} {{ broken | default('fallback') }}\"", dir, "ansible",
                dir, "ansible", "broken is defined"));
        write("unwind.yml", play.formatted("'${broken???then(\"yes\", \"no\")} ${broken!\"fallback\"}'", dir, "unwind", dir, "unwind",
                "broken??"));
        String ansible = AnsiblePlaybook.run(dir, dir.resolve("ansible-home"), List.of("-i", "inventory/hosts.ini", "ansible.yml"));
        Cli.Result r = new Cli(dir.resolve("unwind-home")).run("play", dir.resolve("unwind.yml").toString(), "-i",
                dir.resolve("inventory/hosts.ini").toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(dir.resolve("ansible"))).as(ansible).isEqualTo("no fallback");
        assertThat(Files.readString(dir.resolve("unwind"))).isEqualTo(Files.readString(dir.resolve("ansible")));
        assertThat(dir.resolve("ansible-skipped")).doesNotExist();
        assertThat(dir.resolve("unwind-skipped")).doesNotExist();
    }

    @Test
    void aJinjaSyntaxErrorAnywhereInTheEstateStopsTheRunBeforeAnythingRuns() throws Exception {
        write("inventory/hosts.ini", "web1 ansible_connection=local broken_inline=\"{{ 1 + }}\"\n");
        write("inventory/group_vars/all.yml", "domain: example.com\nunused: \"{{ domain | upper ) }}\"\n");
        write("inventory/host_vars/web1.yml", "loop_text: \"{% for x in [1, 2] %}{{ x }}\"\n");
        write("site.yml", """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - file: {path: "%s/touched", state: touch}
                """.formatted(dir));
        Cli.Result r = new Cli(dir.resolve("unwind-home")).run("play", dir.resolve("site.yml").toString(), "-i",
                dir.resolve("inventory/hosts.ini").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        String all = r.out() + r.err();
        assertThat(all).contains("group_vars/all.yml:2:").contains("unused").contains("{{ domain | upper ) }}")
                .contains("host_vars/web1.yml:1:").contains("loop_text")
                .contains("hosts.ini:1").contains("broken_inline").contains("{{ 1 + }}")
                .doesNotContain("Exception").doesNotContain("at dev.unwind");
        assertThat(dir.resolve("touched")).as("nothing ran").doesNotExist();
    }

    @Test
    void varsFilesIncludeVarsAndExtraVarsFilesAreParsedAtLoadAndEvaluatedWhenUsedAsAnsibleDoes() throws Exception {
        write("hosts.ini", "web1 ansible_connection=local\n");
        write("vars/app.yml", "app: shop\nconf: \"/etc/{{ app }}/{{ env_name }}.conf\"\nnever_used: \"{{ undefined_here }}\"\n");
        write("vars/more.yml", "port: \"{{ 8000 + offset | int }}\"\nalso_unused: \"{{ nope }}\"\n");
        write("extra.yml", "env_name: \"{{ app | upper }}-prod\"\noffset: 80\nunused_extra: \"{{ absent }}\"\n");
        String play = """
                - hosts: all
                  gather_facts: false
                  vars_files: [vars/app.yml]
                  tasks:
                    - include_vars: vars/more.yml
                    - copy: {content: "{{ conf }} {{ port }} {{ env_name }}", dest: "%s/out-%%s"}
                """.formatted(dir);
        write("ansible.yml", play.replace("%s", "ansible"));
        write("unwind.yml", play.replace("%s", "unwind").replaceAll("\\{\\{ (\\w+) }}", "\\${$1}"));
        String ansible = AnsiblePlaybook.run(dir, dir.resolve("ansible-home"), List.of("-i", "hosts.ini", "ansible.yml", "-e", "@extra.yml"));
        Cli.Result r = new Cli(dir.resolve("unwind-home")).run("play", dir.resolve("unwind.yml").toString(), "-i",
                dir.resolve("hosts.ini").toString(), "-e", "@" + dir.resolve("extra.yml"));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(dir.resolve("out-ansible"))).as(ansible).isEqualTo("/etc/shop/SHOP-prod.conf 8080 SHOP-prod");
        assertThat(Files.readString(dir.resolve("out-unwind"))).isEqualTo(Files.readString(dir.resolve("out-ansible")));

        // a syntax error in an -e @file is found before anything runs
        write("extra.yml", "env_name: \"{{ app | upper }\"\n");
        Cli.Result bad = new Cli(dir.resolve("unwind-home")).run("play", dir.resolve("unwind.yml").toString(), "-i",
                dir.resolve("hosts.ini").toString(), "-e", "@" + dir.resolve("extra.yml"));
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(5);
        assertThat(bad.out() + bad.err()).contains("extra.yml:1:").contains("env_name").contains("{{ app | upper }");
        // and one in a vars file the play names, too
        write("extra.yml", "env_name: prod\n");
        write("vars/app.yml", "app: shop\nconf: \"{% if app %}/etc{% endfor %}\"\n");
        Cli.Result badFile = new Cli(dir.resolve("unwind-home")).run("play", dir.resolve("unwind.yml").toString(), "-i",
                dir.resolve("hosts.ini").toString(), "-e", "@" + dir.resolve("extra.yml"));
        assertThat(badFile.exitCode()).as(badFile.toString()).isEqualTo(5);
        assertThat(badFile.out() + badFile.err()).contains("vars/app.yml:2:").contains("conf");
        // an include_vars value that refers to something undefined fails the task that uses it, naming its file and line
        write("vars/app.yml", "app: shop\nconf: /etc/shop.conf\n");
        write("vars/more.yml", "offset_note: x\nport: \"80{{ missing_offset }}\"\n");
        Cli.Result undefined = new Cli(dir.resolve("unwind-home")).run("play", dir.resolve("unwind.yml").toString(), "-i",
                dir.resolve("hosts.ini").toString(), "-e", "@" + dir.resolve("extra.yml"));
        assertThat(undefined.exitCode()).as(undefined.toString()).isEqualTo(2);
        assertThat(undefined.out()).contains("vars/more.yml:2:").contains("port").contains("'missing_offset' is undefined");
    }

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return m;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(f).toString(), Files.readString(f));
            }
        }
        return m;
    }
}
