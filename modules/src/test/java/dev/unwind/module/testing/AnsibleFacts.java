package dev.unwind.module.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ansible -m setup} as the oracle for unwind's facts: runs it and compares what it reports with what
 * {@code dev.unwind.module.facts.Facts} gathered on the same host, the same way wherever the host is. Every fact in
 * {@link #EXACT} equals Ansible's; the addresses and interfaces are compared as sets (Ansible's order follows a
 * Python dict); of sizes that move by themselves — free memory, free blocks, the clock — only what does not move.
 */
public final class AnsibleFacts {
    /** Facts whose value must be exactly Ansible's. */
    public static final List<String> EXACT = List.of("distribution", "distribution_version", "distribution_major_version",
            "distribution_release", "distribution_file_variety", "os_family", "kernel", "kernel_version", "architecture", "machine",
            "userspace_bits", "userspace_architecture", "hostname", "nodename", "fqdn", "domain", "system", "default_ipv4",
            "default_ipv6", "memtotal_mb", "swaptotal_mb", "processor_count", "processor_cores", "processor_vcpus",
            "processor_nproc", "service_mgr", "pkg_mgr", "python_version", "selinux", "apparmor", "virtualization_type",
            "virtualization_role", "user_id", "user_uid", "user_gid", "user_gecos", "user_dir", "user_shell", "machine_id",
            "system_vendor", "product_name");
    /** Facts that are lists compared as sets. */
    public static final List<String> AS_SETS = List.of("all_ipv4_addresses", "all_ipv6_addresses", "interfaces");
    /** The date_time keys that cannot change between two gatherings a second apart (short of midnight). */
    public static final List<String> DATE_TIME_STABLE = List.of("date", "year", "month", "weekday", "weekday_number", "weeknumber",
            "tz", "tz_offset");
    /** The mount keys that do not move while the host runs. */
    public static final List<String> MOUNT_STABLE = List.of("mount", "device", "fstype", "options", "size_total", "block_size",
            "inode_total");

    private AnsibleFacts() {
    }

    /**
     * Runs {@code /usr/bin/ansible ARGS -m setup} with {@code env} added (its config, temporary files and stderr in
     * {@code dir}),
     * and returns the one host's {@code ansible_facts}.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> setup(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/ansible"));
        command.addAll(List.of(args));
        command.addAll(List.of("-m", "setup"));
        // in this process's working directory, as a local connection's commands run (PWD is a fact), with a config of
        // its own so that no ansible.cfg lying about changes what Ansible does
        Path config = Files.writeString(dir.resolve("ansible.cfg"), "");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("ansible.stderr").toFile());
        pb.environment().put("ANSIBLE_CONFIG", config.toString());
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve("tmp").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as(String.join(" ", command)).contains("SUCCESS");
        return (Map<String, Object>) ((Map<String, Object>) new ObjectMapper().readValue(out.substring(out.indexOf('{')), Map.class))
                .get("ansible_facts");
    }

    /** Asserts unwind's facts ({@code ours}, without the {@code ansible_} prefix) equal Ansible's ({@code theirs}, with it). */
    @SuppressWarnings("unchecked")
    public static void assertSame(Map<String, Object> ours, Map<String, Object> theirs) {
        SoftAssertions soft = new SoftAssertions();
        for (String fact : EXACT) {
            if (theirs.containsKey("ansible_" + fact) || ours.containsKey(fact)) {
                soft.assertThat(normalized(ours.get(fact))).as(fact).isEqualTo(normalized(theirs.get("ansible_" + fact)));
            }
        }
        for (String fact : AS_SETS) {
            soft.assertThat(new HashSet<>((List<?>) ours.get(fact))).as(fact)
                    .isEqualTo(new HashSet<>((List<?>) theirs.get("ansible_" + fact)));
        }
        for (Object iface : (List<?>) theirs.get("ansible_interfaces")) {
            String fact = String.valueOf(iface).replace('-', '_').replace('.', '_');
            interfaceFact(soft, fact, (Map<String, Object>) ours.getOrDefault(fact, Map.of()),
                    (Map<String, Object>) theirs.get("ansible_" + fact));
        }
        soft.assertThat(env((Map<String, Object>) ours.get("env"))).as("env")
                .isEqualTo(env((Map<String, Object>) theirs.get("ansible_env")));
        Map<String, Object> dt = (Map<String, Object>) ours.get("date_time");
        Map<String, Object> theirDt = (Map<String, Object>) theirs.get("ansible_date_time");
        soft.assertThat(dt.keySet()).as("date_time keys").isEqualTo(theirDt.keySet());
        for (String k : DATE_TIME_STABLE) {
            soft.assertThat(dt.get(k)).as("date_time." + k).isEqualTo(theirDt.get(k));
        }
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) ours.get("mounts");
        List<Map<String, Object>> theirMounts = (List<Map<String, Object>>) theirs.get("ansible_mounts");
        Function<Map<String, Object>, String> stable = m -> String.join(" ",
                MOUNT_STABLE.stream().map(k -> String.valueOf(m.get(k))).toList());
        soft.assertThat(mounts.stream().map(stable).toList()).as("mounts")
                .containsExactlyInAnyOrderElementsOf(theirMounts.stream().map(stable).toList());
        soft.assertThat(mounts.get(0).keySet()).as("mount keys").isEqualTo(theirMounts.get(0).keySet());
        soft.assertAll();
    }

    /**
     * One interface's fact ({@code ansible_eth0}): every key unwind gives is one of Ansible's, with its value (the
     * IPv6 addresses as a set); Ansible's further keys (active, promisc, speed, features…) unwind does not gather.
     */
    private static void interfaceFact(SoftAssertions soft, String fact, Map<String, Object> ours, Map<String, Object> theirs) {
        soft.assertThat(theirs).as(fact + " keys").containsKeys(ours.keySet().toArray(String[]::new));
        ours.forEach((k, v) -> soft.assertThat(normalized(k.equals("ipv6") ? Set.copyOf((List<?>) v) : v)).as(fact + "." + k)
                .isEqualTo(normalized(k.equals("ipv6") ? Set.copyOf((List<?>) theirs.getOrDefault(k, List.of())) : theirs.get(k))));
    }

    /**
     * The environment without what each tool's own connection puts there: the client's port in SSH_CLIENT and
     * SSH_CONNECTION (each tool logs in on its own), SSH_TTY and TERM (Ansible's ssh asks for a terminal, -tt), LANG
     * and LC_* (OpenSSH sends the caller's, Debian's ssh_config has SendEnv LANG LC_*; unwind's SSH sends no
     * environment) and what the caller set for Ansible itself (ANSIBLE_*).
     */
    private static Map<String, Object> env(Map<String, Object> env) {
        Map<String, Object> out = new TreeMap<>(env);
        out.keySet().removeIf(k -> Set.of("SSH_TTY", "TERM", "LANG").contains(k) || k.startsWith("LC_") || k.startsWith("ANSIBLE_"));
        for (String k : List.of("SSH_CLIENT", "SSH_CONNECTION")) {
            out.computeIfPresent(k, (x, v) -> String.valueOf(v).replaceFirst("^(\\S+) \\d+", "$1"));
        }
        return out;
    }

    /** Numbers compared by value whatever their Java type (JSON gives Integer or Long); maps by key. */
    public static Object normalized(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new TreeMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normalized(x)));
            return out;
        }
        return v;
    }
}
