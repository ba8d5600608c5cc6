package dev.unwind.undo;

import java.util.List;

/**
 * What a journal file holds: its good entries in order, and the lines that are not good entries.
 *
 * @param entries every line that is a whole entry (its checksum matches, or it predates checksums)
 * @param damage  every line that is not, in file order
 */
public record JournalContents(List<Entry> entries, List<Damage> damage) {
    static final JournalContents EMPTY = new JournalContents(List.of(), List.of());

    public JournalContents {
        entries = List.copyOf(entries);
        damage = List.copyOf(damage);
    }

    /**
     * True when a damaged line may have held an entry that was written in full: then a change may be missing
     * from {@link #entries()}. A torn last line cannot have: its write never returned, so nothing after it ran.
     */
    public boolean mayMissEntries() {
        return damage.stream().anyMatch(d -> !d.torn());
    }

    /**
     * A line that is not a whole entry.
     *
     * @param line    its number, from 1
     * @param problem why, for a person
     * @param torn    it is the file's last line and has no newline: a write that did not finish
     */
    public record Damage(int line, String problem, boolean torn) {
        @Override
        public String toString() {
            return "line " + line + (torn ? " is torn: " : " is damaged: ") + problem;
        }
    }
}
