package dev.unwind.exec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * unwind's own version: the jar's, or the build's when run from classes. Playbooks see it as {@code ansible_version},
 * in Ansible's shape (full, major, minor, revision, string) with unwind's numbers: unwind is not Ansible, and a
 * playbook testing for an Ansible version is told so rather than fooled.
 */
public record UnwindVersion(String full) {
    private static final String BUILD = "0.1.0-SNAPSHOT";

    public static UnwindVersion current() {
        String v = UnwindVersion.class.getPackage().getImplementationVersion();
        return new UnwindVersion(v == null ? BUILD : v);
    }

    /** Ansible's {@code ansible_version}: each of the first three dotted parts as a number (its leading digits). */
    Map<String, Object> asAnsibleVersion() {
        String[] parts = full.split("\\.", -1);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("string", full);
        v.put("full", full);
        v.put("major", part(parts, 0));
        v.put("minor", part(parts, 1));
        v.put("revision", part(parts, 2));
        return v;
    }

    private static int part(String[] parts, int i) {
        String digits = i < parts.length ? parts[i].replaceAll("^(\\d*).*$", "$1") : "";
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
