package dev.unwind.undo;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.unwind.module.ModuleCall;

import java.util.List;
import java.util.Map;

/**
 * One line of the journal. Which fields are set depends on the {@link #type()}:
 * <ul>
 * <li>{@code run} — the run began: {@code run} holds what {@code rollback} needs to reconnect (playbook, inventory sources)</li>
 * <li>{@code started} — a task that may change a host began on it (closes with changed/unchanged)</li>
 * <li>{@code changed} — it changed the host; {@code undo} holds the rendered calls (or {@code undoRef} when
 *     they hold secrets, kept in backups), {@code reason} an undo: none</li>
 * <li>{@code unchanged} — it ended without a change</li>
 * <li>{@code locked} — the run holds the host's lock ({@code at}: its path), released by the run or its rollback</li>
 * <li>{@code point_of_no_return} — from here on, earlier changes are not unwound</li>
 * <li>{@code undone} / {@code undo_failed} — the change {@code ref} was unwound, or could not be</li>
 * <li>{@code end} — the run ended with {@code status}</li>
 * </ul>
 * On disk each entry is one JSON line that ends with its checksum, {@code "sum"} ({@link JournalLine}); the
 * field is not part of the entry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entry(String type, long seq, String time, Integer step, String host, String task, String at,
                    List<ModuleCall> undo, String undoRef, String reason, String become, Long ref, String status,
                    String message, Map<String, Object> run) {

    public static Entry of(String type) {
        return new Entry(type, 0, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Entry step(int s, String h, String t, String position) {
        return new Entry(type, seq, time, s, h, t, position, undo, undoRef, reason, become, ref, status, message, run);
    }

    public Entry undo(List<ModuleCall> calls, String r, String user) {
        return new Entry(type, seq, time, step, host, task, at, calls, undoRef, r, user, ref, status, message, run);
    }

    public Entry undoRef(String reference) {
        return new Entry(type, seq, time, step, host, task, at, null, reference, reason, become, ref, status, message, run);
    }

    public Entry ref(long r) {
        return new Entry(type, seq, time, step, host, task, at, undo, undoRef, reason, become, r, status, message, run);
    }

    public Entry status(String s, String msg) {
        return new Entry(type, seq, time, step, host, task, at, undo, undoRef, reason, become, ref, s, msg, run);
    }

    public Entry run(Map<String, Object> r) {
        return new Entry(type, seq, time, step, host, task, at, undo, undoRef, reason, become, ref, status, message, r);
    }

    Entry stamped(long s, String t) {
        return new Entry(type, s, t, step, host, task, at, undo, undoRef, reason, become, ref, status, message, run);
    }
}
