package dev.unwind.undo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a journal says is still to be unwound: changes not yet undone, a point of no return if one was passed, and
 * slots (a task on a host, a loop item) that started but whose end was never written (the controller died
 * mid-task). An unfinished slot is possibly changed: its latest {@code prepared} entry, else its {@code started}
 * entry, holds the undo that can be had, and it is unwound with the changes. {@code toRunAgain}: the handlers'
 * calls still to run again, in the order they ran ({@code again} entries no {@code undone} refers to), due once every
 * change is undone, when the hosts are where they were before the handlers ran.
 */
public record Pending(List<Entry> changes, Entry pointOfNoReturn, List<Entry> unfinished, List<Entry> all,
                      List<Entry> toRunAgain) {

    public static Pending of(List<Entry> journal) {
        Set<Long> undone = new HashSet<>();
        Map<String, Entry> open = new LinkedHashMap<>();
        Entry pnr = null;
        for (Entry e : journal) {
            if (e.type() == EntryType.UNDONE) {
                undone.add(e.ref());
            } else if (e.type().opensSlot()) {
                open.put(e.slot(), e);
            } else if (e.type().closesSlot()) {
                open.remove(e.slot());
            } else if (e.type() == EntryType.POINT_OF_NO_RETURN) {
                pnr = e;
            }
        }
        List<Entry> changes = new ArrayList<>();
        for (Entry e : journal) {
            if (e.type() == EntryType.CHANGED && !undone.contains(e.seq())) {
                changes.add(e);
            }
        }
        List<Entry> unfinished = open.values().stream().filter(e -> !undone.contains(e.seq())).toList();
        // an undone that refers to an again entry: that call ran again
        List<Entry> again = journal.stream().filter(e -> e.type() == EntryType.AGAIN && !undone.contains(e.seq())).toList();
        return new Pending(changes, pnr, unfinished, journal, again);
    }

    /** Changes and possibly-changed slots, in journal order; nothing once the point of no return was passed. */
    public List<Entry> unwindable() {
        return pointOfNoReturn != null ? List.of() : left();
    }

    /** Changes and possibly-changed slots not undone, in journal order, whether or not they can still be unwound. */
    public List<Entry> left() {
        List<Entry> out = new ArrayList<>(changes);
        out.addAll(unfinished);
        out.sort(Comparator.comparingLong(Entry::seq));
        return out;
    }

    public List<Entry> forHost(String host) {
        return unwindable().stream().filter(e -> e.host().equals(host)).toList();
    }

    /** The run's status as last written, or null if it never ended (crash). */
    public String endStatus() {
        Entry end = end();
        return end == null ? null : end.status();
    }

    /** The last end written (a rollback writes its own after the run's), or null if it never ended. */
    public Entry end() {
        Entry end = null;
        for (Entry e : all) {
            if (e.type() == EntryType.END) {
                end = e;
            }
        }
        return end;
    }
}
