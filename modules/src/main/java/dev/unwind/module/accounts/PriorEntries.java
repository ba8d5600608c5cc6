package dev.unwind.module.accounts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The prior lines of every name a change may touch, in file order, so that lines removed together go back in
 * their order. Stored as text in the run's backups: one entry a line, {@code file TAB name TAB after TAB +line} or
 * {@code ... TAB -} for none.
 */
public record PriorEntries(List<PriorEntry> entries) {

    public PriorEntries {
        entries = List.copyOf(entries);
    }

    /** What the tables hold now for these users (passwd, shadow) and groups (group, gshadow). */
    public static PriorEntries of(AccountTables t, Set<String> users, Set<String> groups) {
        List<PriorEntry> out = new ArrayList<>();
        for (AccountFile f : AccountFile.values()) {
            AccountText text = t.text(f);
            List<PriorEntry> mine = new ArrayList<>();
            for (String name : new LinkedHashSet<>(f.ofUsers() ? users : groups)) {
                mine.add(new PriorEntry(f, name, text.line(name).orElse(null), text.nameBefore(name)));
            }
            mine.sort(Comparator.comparingInt(e -> e.absent() ? Integer.MAX_VALUE : text.indexOf(e.name())));
            out.addAll(mine);
        }
        return new PriorEntries(out);
    }

    public List<PriorEntry> of(AccountFile f) {
        return entries.stream().filter(e -> e.file() == f).toList();
    }

    public byte[] serialize() {
        StringBuilder sb = new StringBuilder();
        for (PriorEntry e : entries) {
            sb.append(e.file().label()).append('\t').append(e.name()).append('\t').append(e.after() == null ? "" : e.after())
                    .append('\t').append(e.absent() ? "-" : "+" + e.line()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static PriorEntries parse(byte[] bytes) {
        List<PriorEntry> out = new ArrayList<>();
        for (String l : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (l.isEmpty()) {
                continue;
            }
            String[] f = l.split("\t", 4);
            if (f.length < 4) {
                throw new IllegalArgumentException("malformed prior account entry");
            }
            out.add(new PriorEntry(AccountFile.ofLabel(f[0]), f[1], f[3].startsWith("+") ? f[3].substring(1) : null,
                    f[2].isEmpty() ? null : f[2]));
        }
        return new PriorEntries(out);
    }
}
