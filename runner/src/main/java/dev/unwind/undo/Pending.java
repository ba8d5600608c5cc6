package dev.unwind.undo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a journal says is still to be unwound: changes not yet undone, a point of no return if one
 * was passed, and tasks that started but whose end was never written (the controller died mid-task).
 */
public record Pending(List<Entry> changes, Entry pointOfNoReturn, List<Entry> unfinished, List<Entry> all) {

    public static Pending of(List<Entry> journal) {
        Set<Long> undone = new HashSet<>();
        Set<String> ended = new HashSet<>();
        Entry pnr = null;
        for (Entry e : journal) {
            switch (e.type()) {
                case "undone" -> undone.add(e.ref());
                case "changed", "unchanged" -> ended.add(e.step() + "|" + e.host());
                case "point_of_no_return" -> pnr = e;
                default -> {
                }
            }
        }
        List<Entry> changes = new ArrayList<>();
        List<Entry> unfinished = new ArrayList<>();
        for (Entry e : journal) {
            if (e.type().equals("changed") && !undone.contains(e.seq())) {
                changes.add(e);
            } else if (e.type().equals("started") && !ended.contains(e.step() + "|" + e.host())) {
                unfinished.add(e);
            }
        }
        return new Pending(changes, pnr, unfinished, journal);
    }

    /** Changes made before the point of no return was reached are never unwound. */
    public List<Entry> unwindable() {
        if (pointOfNoReturn == null) {
            return changes;
        }
        return List.of();
    }

    public List<Entry> forHost(String host) {
        return unwindable().stream().filter(e -> e.host().equals(host)).toList();
    }

    /** The run's status as last written, or null if it never ended (crash). */
    public String endStatus() {
        String status = null;
        for (Entry e : all) {
            if (e.type().equals("end")) {
                status = e.status();
            }
        }
        return status;
    }
}
