package dev.unwind.module.accounts;

import java.util.Arrays;
import java.util.List;

/** One line of /etc/group. */
public record GroupEntry(String name, String password, String gid, List<String> members) {

    public GroupEntry {
        members = List.copyOf(members);
    }

    public static GroupEntry parse(String line) {
        String[] f = line.split(":", -1);
        if (f.length < 4) {
            throw new IllegalArgumentException("malformed /etc/group line for " + AccountText.keyOf(line));
        }
        return new GroupEntry(f[0], f[1], f[2], f[3].isEmpty() ? List.of() : Arrays.asList(f[3].split(",")));
    }
}
