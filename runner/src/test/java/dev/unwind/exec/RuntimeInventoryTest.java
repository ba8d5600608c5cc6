package dev.unwind.exec;

import dev.unwind.cli.Cli;
import dev.unwind.testing.SideBySideProject;
import dev.unwind.testing.TreeImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** add_host and group_by shape the plays that follow, as in ansible-playbook: the same files on the same hosts. */
class RuntimeInventoryTest {
    @TempDir
    Path root;

    @Test
    void addedHostsAndGroupsAreTargetedByLaterPlays() throws Exception {
        SideBySideProject run = SideBySideProject.run(root, Map.of("site.yml", """
                - name: shape the inventory
                  hosts: web
                  gather_facts: false
                  tasks:
                    - ansible.builtin.file: path=OUT state=directory mode=0755
                      run_once: true
                    - name: a host no file names
                      ansible.builtin.add_host:
                        name: dyn1
                        groups: [dynamic, extra]
                        ansible_connection: local
                        unwind_lock_path: LOCKS/dyn1
                        marker: from-add-host
                    - name: a group per kind
                      ansible.builtin.group_by:
                        key: kind_(kind)
                - name: the added host
                  hosts: dynamic
                  gather_facts: false
                  tasks:
                    - ansible.builtin.copy:
                        dest: OUT/(inventory_hostname)-(marker).txt
                        content: "(inventory_hostname) in dynamic\\n"
                        mode: "0644"
                - name: the hosts of one kind
                  hosts: kind_db
                  gather_facts: false
                  tasks:
                    - ansible.builtin.copy: dest=OUT/db-(inventory_hostname).txt content=db mode=0600
                """), """
                [web]
                web1 ansible_connection=local kind=web unwind_lock_path=LOCKS/web1
                web2 ansible_connection=local kind=db unwind_lock_path=LOCKS/web2
                """);
        Cli.Result r = new Cli(root.resolve("home")).run("play", run.playbook().toString(), "-i", run.inventory().toString());

        assertThat(run.ansibleOut()).contains("failed=0");
        Map<String, String> ansibleTree = TreeImage.of(run.byAnsible());
        assertThat(ansibleTree).containsOnlyKeys("", "dyn1-from-add-host.txt", "db-web2.txt");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(TreeImage.of(run.byUnwind())).as(r.toString()).isEqualTo(ansibleTree);
    }
}
