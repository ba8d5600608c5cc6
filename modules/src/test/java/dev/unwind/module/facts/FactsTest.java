package dev.unwind.module.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unwind.local.LocalConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * unwind's facts beside {@code ansible -m setup} on this machine, both gathered locally within a second of each other:
 * every fact unwind gathers equals Ansible's (the addresses and interfaces as sets: Ansible's order follows a
 * Python dict; sizes that move by themselves — free memory, free blocks, the clock — are compared by kind).
 */
class FactsTest {
    /** Facts whose value must be exactly Ansible's. */
    private static final List<String> EXACT = List.of("distribution", "distribution_version", "distribution_major_version",
            "distribution_release", "distribution_file_variety", "os_family", "kernel", "kernel_version", "architecture", "machine",
            "userspace_bits", "userspace_architecture", "hostname", "nodename", "fqdn", "domain", "system", "default_ipv4",
            "default_ipv6", "memtotal_mb", "swaptotal_mb", "processor_count", "processor_cores", "processor_vcpus",
            "processor_nproc", "service_mgr", "pkg_mgr", "python_version", "selinux", "apparmor", "virtualization_type",
            "virtualization_role", "user_id", "user_uid", "user_gid", "user_gecos", "user_dir", "user_shell", "machine_id",
            "system_vendor", "product_name");

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void everyFactUnwindGathersIsAnsiblesValue() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ansible")), "ansible is not installed (apt-get install -y ansible)");
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/ansible", "-i", "localhost,", "-c", "local", "localhost", "-m", "setup")
                .directory(dir.toFile()).redirectErrorStream(false);
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve("tmp").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Map<String, Object> theirs = (Map<String, Object>) ((Map<String, Object>) new ObjectMapper()
                .readValue(out.substring(out.indexOf('{')), Map.class)).get("ansible_facts");

        Map<String, Object> ours = (Map<String, Object>) Facts.gather(new LocalConnection("localhost")).get("ansible_facts");

        for (String fact : EXACT) {
            if (theirs.containsKey("ansible_" + fact) || ours.containsKey(fact)) {
                assertThat(normalized(ours.get(fact))).as(fact).isEqualTo(normalized(theirs.get("ansible_" + fact)));
            }
        }
        for (String fact : List.of("all_ipv4_addresses", "all_ipv6_addresses", "interfaces")) {
            assertThat(new HashSet<>((List<?>) ours.get(fact))).as(fact).isEqualTo(new HashSet<>((List<?>) theirs.get("ansible_" + fact)));
        }
        assertThat(((Map<String, Object>) ours.get("date_time")).keySet()).isEqualTo(((Map<String, Object>) theirs.get("ansible_date_time")).keySet());
        Map<String, Object> dt = (Map<String, Object>) ours.get("date_time");
        Map<String, Object> theirDt = (Map<String, Object>) theirs.get("ansible_date_time");
        for (String k : List.of("date", "year", "month", "weekday", "weekday_number", "weeknumber", "tz", "tz_offset")) {
            assertThat(dt.get(k)).as("date_time." + k).isEqualTo(theirDt.get(k));
        }
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) ours.get("mounts");
        List<Map<String, Object>> theirMounts = (List<Map<String, Object>>) theirs.get("ansible_mounts");
        assertThat(mounts).extracting(m -> m.get("mount") + " " + m.get("device") + " " + m.get("fstype") + " " + m.get("options") + " "
                        + m.get("size_total") + " " + m.get("block_size") + " " + m.get("inode_total"))
                .containsExactlyInAnyOrderElementsOf(theirMounts.stream().map(m -> m.get("mount") + " " + m.get("device") + " "
                        + m.get("fstype") + " " + m.get("options") + " " + m.get("size_total") + " " + m.get("block_size") + " "
                        + m.get("inode_total")).toList());
        assertThat(mounts.get(0).keySet()).isEqualTo(theirMounts.get(0).keySet());
    }

    /** Numbers compared by value whatever their Java type (JSON gives Integer or Long). */
    private static Object normalized(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.TreeMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normalized(x)));
            return out;
        }
        return v;
    }
}
