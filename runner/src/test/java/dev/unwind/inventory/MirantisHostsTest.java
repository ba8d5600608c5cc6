package dev.unwind.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The host files of mkectl, launchpad and k0sctl (shaped as in their documentation) become inventories. */
class MirantisHostsTest {
    /** The examples at the top of the repository, for users to start from. */
    private static final Path DIR = Path.of("../inventory");

    private static Inventory load(String file) {
        return Inventory.load(List.of(DIR.resolve(file).toString()), null, null);
    }

    @Test
    void mkectlHostsYaml() {
        Inventory inv = load("mkectl/hosts.yaml");
        assertThat(inv.hosts("all")).containsExactly("172.16.0.11", "172.16.0.12");
        assertThat(inv.hostVars("172.16.0.12")).containsEntry("ansible_host", "172.16.0.12")
                .containsEntry("ansible_port", 2222L).containsEntry("ansible_user", "ubuntu")
                .containsEntry("ansible_ssh_private_key_file", "~/.ssh/mke.pem")
                .containsEntry("mkectl_private_interface", "eth1");
        assertThat(inv.hostVars("172.16.0.11")).containsEntry("mkectl_private_address", "10.0.0.11");
        assertThat(inv.groupNames("172.16.0.11")).containsExactly("ungrouped");
    }

    @Test
    void launchpadYamlRolesBecomeGroupsAndBastionAJump() {
        Inventory inv = load("launchpad/launchpad.yaml");
        assertThat(inv.hosts("manager")).containsExactly("10.0.0.1");
        assertThat(inv.hosts("worker")).containsExactly("10.0.0.2");
        assertThat(inv.hosts("msr")).containsExactly("10.0.0.3");
        Map<String, Object> worker = inv.hostVars("10.0.0.2");
        assertThat(worker).containsEntry("ansible_user", "ubuntu")
                .containsEntry("ansible_ssh_common_args", "-o ProxyJump=jump@1.2.3.4:2200")
                .containsEntry("launchpad_role", "worker");
        assertThat(worker.get("unwind_bastion")).isEqualTo(Map.of("address", "1.2.3.4", "user", "jump", "port", 2200L,
                "keyPath", "~/.ssh/bastion"));
        assertThat(inv.hostVars("10.0.0.1")).containsEntry("launchpad_private_interface", "eth0")
                .containsEntry("ansible_port", 22L);
    }

    @Test
    void k0sctlYamlRolesHostnamesAndLocalhost() {
        Inventory inv = load("k0sctl/k0sctl.yaml");
        assertThat(inv.hosts("controller")).containsExactly("10.0.0.1", "cw-1", "localhost");
        assertThat(inv.hosts("worker")).containsExactly("cw-1", "10.0.0.3", "localhost");
        assertThat(inv.hostVars("cw-1")).containsEntry("ansible_host", "10.0.0.2")
                .containsEntry("k0sctl_private_address", "192.168.0.2").containsEntry("k0sctl_role", "controller+worker");
        assertThat(inv.hostVars("10.0.0.3")).containsEntry("k0sctl_install_flags", List.of("--debug"));
        assertThat(inv.hostVars("localhost")).containsEntry("ansible_connection", "local");
    }
}
