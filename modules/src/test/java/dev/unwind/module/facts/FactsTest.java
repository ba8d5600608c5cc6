package dev.unwind.module.facts;

import dev.unwind.local.LocalConnection;
import dev.unwind.module.testing.AnsibleFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * unwind's facts beside {@code ansible -m setup} on this machine, both gathered locally within a second of each other:
 * every fact unwind gathers equals Ansible's, as {@link AnsibleFacts} compares them (the lab-node half is the
 * runner's LabNodeFactsTest).
 */
class FactsTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void everyFactUnwindGathersIsAnsiblesValue() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ansible")), "ansible is not installed (apt-get install -y ansible)");
        Map<String, Object> theirs = AnsibleFacts.setup(dir, Map.of(), "-i", "localhost,", "-c", "local", "localhost");

        Map<String, Object> ours = (Map<String, Object>) Facts.gather(new LocalConnection("localhost")).get("ansible_facts");

        AnsibleFacts.assertSame(ours, theirs);
    }
}
