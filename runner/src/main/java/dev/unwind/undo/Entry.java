package dev.unwind.undo;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.unwind.module.ModuleCall;

import java.util.List;
import java.util.Map;

/**
 * One line of the journal. Which fields are set depends on the {@link #type()}; {@code step}, {@code host} and
 * {@code item} (a loop item's index) name the {@link #slot()} an entry is about; {@code on} names the delegate where a
 * delegated task made (and its undo makes) its changes:
 * <ul>
 * <li>{@code run} — the run began: {@code run} holds what {@code rollback} needs to reconnect (playbook, inventory sources)</li>
 * <li>{@code started} — a task that may change a host began on it (closes with changed/unchanged). Its undo is what
 *     to run if it never closes (the controller died): an empty list for a module that announces its changes
 *     ({@code prepared}), the explicit {@code undo:} as far as it renders before the task ran, or a {@code reason}
 *     for {@code undo: none}; with none of these the slot cannot be unwound and a rollback says so</li>
 * <li>{@code prepared} — the module announced, before acting, the undo of everything it has changed so far</li>
 * <li>{@code changed} — it changed the host, or may have ({@code status} failed: it failed, errored or lost its
 *     host after it began); {@code undo} holds the rendered calls (or {@code undoRef} when they hold secrets, kept
 *     in backups), {@code reason} an undo: none; none of them: no undo could be had ({@code message} says why)</li>
 * <li>{@code unchanged} — it ended without a change</li>
 * <li>{@code locked} — the run holds the host's lock ({@code at}: its path), released by the run or its rollback</li>
 * <li>{@code point_of_no_return} — from here on, earlier changes are not unwound</li>
 * <li>{@code undone} / {@code undo_failed} — the change {@code ref} was unwound (and read back where the module
 *     can), or could not be</li>
 * <li>{@code end} — the run ended with {@code status}</li>
 * <li>{@code again} — a handler's change that no undo takes back: {@code undo} (or {@code undoRef}) holds the
 *     handler's own call, run once more when the host has been restored; {@code undone} refers to it once it was</li>
 * </ul>
 * On disk each entry is one JSON line that ends with its checksum, {@code "sum"} ({@link JournalLine}); the
 * field is not part of the entry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entry(EntryType type, long seq, String time, Integer step, Integer item, String host, String on, String task, String at,
                    List<ModuleCall> undo, String undoRef, String reason, String become, Long ref, String status,
                    String message, Map<String, Object> run) {

    public static Entry of(EntryType type) {
        return new Entry(type, 0, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Entry step(int s, String h, String t, String position) {
        return new Entry(type, seq, time, s, item, h, on, t, position, undo, undoRef, reason, become, ref, status, message, run);
    }

    /** The same slot, as another kind of entry. */
    public Entry withType(EntryType t) {
        return new Entry(t, seq, time, step, item, host, on, task, at, undo, undoRef, reason, become, ref, status, message, run);
    }

    /** The loop item (its index) this entry is about; null for a task without a loop. */
    public Entry item(Integer index) {
        return new Entry(type, seq, time, step, index, host, on, task, at, undo, undoRef, reason, become, ref, status, message, run);
    }

    /** The host where the change was made: the delegate of a delegated task, else the task's own host. */
    public String target() {
        return on != null ? on : host;
    }

    /** A task delegated to {@code delegate}: its changes are made, and undone, there. */
    public Entry on(String delegate) {
        return new Entry(type, seq, time, step, item, host, delegate, task, at, undo, undoRef, reason, become, ref, status, message, run);
    }

    /** Where in the run this entry belongs: one task on one host, one loop item. */
    public String slot() {
        return step + "|" + host + "|" + item;
    }

    public Entry undo(List<ModuleCall> calls, String r, String user) {
        return new Entry(type, seq, time, step, item, host, on, task, at, calls, undoRef, r, user, ref, status, message, run);
    }

    public Entry undoRef(String reference) {
        return new Entry(type, seq, time, step, item, host, on, task, at, null, reference, reason, become, ref, status, message, run);
    }

    public Entry ref(long r) {
        return new Entry(type, seq, time, step, item, host, on, task, at, undo, undoRef, reason, become, r, status, message, run);
    }

    public Entry status(String s, String msg) {
        return new Entry(type, seq, time, step, item, host, on, task, at, undo, undoRef, reason, become, ref, s, msg, run);
    }

    public Entry run(Map<String, Object> r) {
        return new Entry(type, seq, time, step, item, host, on, task, at, undo, undoRef, reason, become, ref, status, message, r);
    }

    Entry stamped(long s, String t) {
        return new Entry(type, s, t, step, item, host, on, task, at, undo, undoRef, reason, become, ref, status, message, run);
    }
}
