package dev.unwind.module.ssh;

import java.util.Optional;

/**
 * One host key line of a known_hosts file: an optional marker ({@code @cert-authority}, {@code @revoked}), the host
 * field (names, patterns or one hashed name), the key type and the key. A trailing comment is not part of it, so two
 * lines that differ only in their comment are the same entry, as Ansible compares them.
 */
record KnownHostLine(String marker, String hosts, String type, String key) {

    /** The entry a line holds; empty for blank lines, comments and lines too short to be one. */
    static Optional<KnownHostLine> parse(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return Optional.empty();
        }
        String[] f = t.split("\\s+");
        int i = f[0].startsWith("@") ? 1 : 0;
        if (f.length < i + 3) {
            return Optional.empty();
        }
        return Optional.of(new KnownHostLine(i == 1 ? f[0] : null, f[i], f[i + 1], f[i + 2]));
    }

    /** The same entry for another host field (the hashed name {@code hash_host} writes). */
    KnownHostLine withHosts(String h) {
        return new KnownHostLine(marker, h, type, key);
    }

    boolean hashed() {
        return hosts.startsWith(HostPattern.HASHED);
    }

    /** As written to the file: no comment, one space between fields. */
    String text() {
        return (marker == null ? "" : marker + " ") + hosts + " " + type + " " + key;
    }
}
