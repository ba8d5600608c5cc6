package dev.unwind.testing.node;

import dev.unwind.lab.swarm.LabNode;
import dev.unwind.lab.swarm.SwarmLab;
import dev.unwind.module.Connection;
import dev.unwind.module.facts.Facts;
import dev.unwind.module.testing.AnsibleFacts;
import dev.unwind.testing.swarm.SwarmLabExtension;
import dev.unwind.transport.TransportOptions;
import dev.unwind.transport.ssh.SshSettings;
import dev.unwind.transport.ssh.SshTransport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * unwind's facts beside {@code ansible -m setup} on a real lab node, both over SSH as the node's login user
 * {@code lab} within a second of each other: every fact unwind gathers equals Ansible's, as {@link AnsibleFacts}
 * compares them (FactsTest is the same comparison on this machine). No fact is excepted; only the environment variables
 * each tool's own SSH login sets are left out of {@code env}, as AnsibleFacts says. The node differs from this machine
 * where it taught unwind something: its Python has no {@code distro} module (Ansible's distribution_version is then
 * {@code 12}, not /etc/debian_version's), and it has a bridge (docker0).
 */
@Tag("swarm-lab")
class LabNodeFactsTest {
    static final SwarmLab lab = SwarmLab.plainNodes(1);
    @RegisterExtension
    static final SwarmLabExtension up = new SwarmLabExtension(lab);

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void everyFactUnwindGathersOverSshIsAnsiblesValueOnTheNode() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ansible")), "ansible is not installed (apt-get install -y ansible)");
        LabNode node = lab.node("node1");
        Path inventory = lab.writeInventory(dir.resolve("hosts.ini"));
        // the lab's host keys, checked; no ControlPersist master (Ansible's default ssh args) outlives the lab
        Map<String, Object> theirs = AnsibleFacts.setup(dir, Map.of("ANSIBLE_SSH_ARGS", "-o UserKnownHostsFile=" + lab.knownHosts()
                + " -o StrictHostKeyChecking=yes -o ControlMaster=no"), "-i", inventory.toString(), node.name());

        Map<String, Object> ours;
        try (SshTransport ssh = new SshTransport(TransportOptions.defaults(), SshSettings.isolated(lab.knownHosts()))) {
            Connection c = ssh.connect(node.name(), node.hostVars());
            ours = (Map<String, Object>) Facts.gather(c).get("ansible_facts");
        }

        AnsibleFacts.assertSame(ours, theirs);
    }
}
