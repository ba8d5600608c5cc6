package dev.unwind.module.accounts;

import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The four account files of a host as read now (shadow and gshadow need root: the task's become). */
public record AccountTables(Map<AccountFile, AccountText> files) {

    public static AccountTables read(Connection c) throws ConnectionException {
        Map<AccountFile, AccountText> m = new EnumMap<>(AccountFile.class);
        for (AccountFile f : AccountFile.values()) {
            m.put(f, read(c, f));
        }
        return new AccountTables(m);
    }

    public static AccountText read(Connection c, AccountFile f) throws ConnectionException {
        try {
            return AccountText.parse(c.get(f.path()).orElse(null));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot read " + f.path() + " on " + c.host() + " (does the task need become: true?)");
        }
    }

    public AccountText text(AccountFile f) {
        return files.get(f);
    }

    public Optional<PasswdEntry> user(String name) {
        return text(AccountFile.PASSWD).line(name).map(PasswdEntry::parse);
    }

    public Optional<GroupEntry> group(String name) {
        return text(AccountFile.GROUP).line(name).map(GroupEntry::parse);
    }

    /** A group by name, or by number when {@code nameOrGid} is one. */
    public Optional<GroupEntry> findGroup(String nameOrGid) {
        Optional<GroupEntry> byName = group(nameOrGid);
        if (byName.isPresent() || !nameOrGid.matches("\\d+")) {
            return byName;
        }
        return groups().stream().filter(g -> g.gid().equals(nameOrGid)).findFirst();
    }

    public List<GroupEntry> groups() {
        List<GroupEntry> out = new ArrayList<>();
        for (String l : text(AccountFile.GROUP).lines()) {
            if (l.contains(":")) {
                out.add(GroupEntry.parse(l));
            }
        }
        return out;
    }

    /** The groups that list {@code user} as a member (supplementary groups), in file order. */
    public List<String> memberOf(String user) {
        return groups().stream().filter(g -> g.members().contains(user)).map(GroupEntry::name).toList();
    }

    /** The groups whose gshadow line names {@code user} as administrator or member. */
    public List<String> shadowMentions(String user) {
        List<String> out = new ArrayList<>();
        for (String l : text(AccountFile.GSHADOW).lines()) {
            String[] f = l.split(":", -1);
            if (f.length >= 4 && (List.of(f[2].split(",")).contains(user) || List.of(f[3].split(",")).contains(user))) {
                out.add(f[0]);
            }
        }
        return out;
    }
}
