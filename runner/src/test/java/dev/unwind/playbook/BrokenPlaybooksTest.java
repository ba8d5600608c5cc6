package dev.unwind.playbook;

import dev.unwind.cli.Cli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every broken playbook is refused before anything runs: exit 5, FILE:LINE:COLUMN and what to do, no stack trace. */
class BrokenPlaybooksTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad YAML              | - hosts: all\\n  tasks:\\n    - debug: msg=hi\\n   bad: [                     | 4:  | invalid YAML
            unknown play key      | - hosts: all\\n  task: []                                                     | 2:3 | unknown key 'task' in a play: did you mean 'tasks'?
            unknown task key      | - hosts: all\\n  tasks:\\n    - debug: msg=hi\\n      whenn: x                | 4:7 | unknown key 'whenn' in a task: did you mean 'when'?
            unknown module        | - hosts: all\\n  tasks:\\n    - debugg: msg=hi                               | 3:7 | unknown module 'debugg': did you mean 'debug'?
            missing argument      | - hosts: all\\n  tasks:\\n    - copy:\\n        content: x                      | 4:9 | module copy needs argument 'dest'
            wrong type            | - hosts: all\\n  tasks:\\n    - file:\\n        path: /x\\n        state: [a]   | 4:9 | argument 'state' of file must be a str
            bad choice            | - hosts: all\\n  tasks:\\n    - file: path=/x state=gone                      | 3:13 | must be one of
            two modules           | - hosts: all\\n  tasks:\\n    - debug: msg=a\\n      fail: msg=b              | 3:7 | a task calls one module, this one calls
            jinja                 | - hosts: all\\n  tasks:\\n    - debug: msg={{ x }}                            | 3:14 | write msg=${x} (FreeMarker)
            no undo               | - hosts: all\\n  tasks:\\n    - command: rm -rf /data                         | 3:7 | has no undo
            undo none no reason   | - hosts: all\\n  tasks:\\n    - command: touch /x\\n      undo: none           | 4:13 | needs 'reason:'
            duplicate key         | - hosts: all\\n  tasks:\\n    - name: a\\n      name: b\\n      debug: msg=x   | 4:7 | duplicate key 'name'
            no hosts              | - name: p\\n  tasks: []                                                       | 1:3 | has no 'hosts'
            bad on_failure        | - hosts: all\\n  on_failure: retry                                            | 2:15 | on_failure must be one of
            bad strategy          | - hosts: all\\n  strategy: host_pinned                                        | 2:13 | strategy is linear or free
            bad throttle          | - hosts: all\\n  tasks:\\n    - debug: msg=a\\n      throttle: 0           | 4:17 | throttle is how many hosts
            looped delegate_facts | - hosts: all\\n  tasks:\\n    - set_fact: a=1\\n      delegate_to: x\\n      delegate_facts: true\\n      loop: [1] | 5:23 | delegate_facts on a looped task
            local_action twice    | - hosts: all\\n  tasks:\\n    - local_action: debug msg=a\\n      delegate_to: x | 4:20 | takes no delegate_to
            bad environment name  | - hosts: all\\n  environment:\\n    1BAD: x\\n  tasks: []                  | 3:5 | not a name a shell can export
            roles not a list      | - hosts: all\\n  roles: web                                                   | 2:10 | roles is a list of role names
            """)
    void brokenPlaybookIsRefusedWithItsPosition(String what, String yaml, String position, String message) throws IOException {
        Path pb = dir.resolve("broken.yml");
        Files.writeString(pb, yaml.strip().replace("\\n", "\n") + "\n");

        Cli.Result r = new Cli(dir.resolve("home")).run("lint", pb.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).as(r.toString()).contains(pb + ":" + position.strip()).contains(message.strip());
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /**
     * A Jinja condition or text, as an Ansible user writes it, is refused at its place with the FreeMarker form that
     * {@code unwind convert} would write; the playbook with that form put in lints clean.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            is defined        ; when: y is defined               ; 4:13 ; y??
            not               ; when: not x                      ; 4:13 ; !x
            and, or           ; when: x and (y is defined or z)  ; 4:13 ; x && (y?? || z)
            quoted and        ; when: "x and y == 'a'"           ; 4:14 ; x && y == "a"
            bool filter       ; when: x | bool                   ; 4:13 ; x
            changed_when      ; changed_when: r is changed       ; 4:21 ; r.changed
            text              ; name: "{{ inventory_hostname }}.example.com" ; 4:13 ; ${inventory_hostname}.example.com
            """)
    void jinjaIsAnsweredWithItsFreeMarkerForm(String what, String line, String position, String form) throws IOException {
        String task = "- hosts: all\n  tasks:\n    - debug: msg=hi\n      %s\n";
        Path pb = dir.resolve("jinja.yml");
        Files.writeString(pb, task.formatted(line.strip()));

        Cli.Result r = new Cli(dir.resolve("home")).run("lint", pb.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).as(r.toString()).contains(pb + ":" + position.strip()).contains("write " + form.strip() + " ");
        String key = line.strip().substring(0, line.strip().indexOf(':') + 1);
        Files.writeString(pb, task.formatted(key + " '" + form.strip() + "'"));
        Cli.Result fixed = new Cli(dir.resolve("home")).run("lint", pb.toString());
        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            all problems of a file together | - hosts: all\\n  tasks:\\n    - debugg: msg=a\\n    - copy: dest=/x\\n      bogus: 1
            """)
    void allProblemsOfAFileAreReportedTogether(String what, String yaml) throws IOException {
        Path pb = dir.resolve("many.yml");
        Files.writeString(pb, yaml.strip().replace("\\n", "\n") + "\n");

        Cli.Result r = new Cli(dir.resolve("home")).run("lint", pb.toString());

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains(pb + ":3:7: unknown module 'debugg'").contains(pb + ":5:7: unknown key 'bogus'");
    }
}
