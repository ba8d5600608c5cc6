package dev.unwind.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unwind.module.Backups;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.Secrets;
import dev.unwind.module.Undo;
import dev.unwind.undo.Entry;
import dev.unwind.undo.EntryType;
import dev.unwind.undo.Journal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal entries of one task on one host (one loop item): {@code started} with the undo known before it
 * runs, {@code prepared} each time the module announces what it is about to change, and how it ended. Undo calls
 * that hold a secret (or belong to a no_log task) go to the 0600 backups, the journal keeps a reference.
 */
final class TaskJournal {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Journal journal;
    private final Backups backups;
    private final Secrets secrets;
    private final Entry slot;
    private final String becomeUser;
    private final boolean noLog;
    /** What the module announced so far, newest first: the order to undo it in. */
    private final List<ModuleCall> announced = new ArrayList<>();
    private String announcedReason;
    private boolean announcedAny;

    TaskJournal(Journal journal, Backups backups, Secrets secrets, Entry slot, String becomeUser, boolean noLog) {
        this.journal = journal;
        this.backups = backups;
        this.secrets = secrets;
        this.slot = slot;
        this.becomeUser = becomeUser;
        this.noLog = noLog;
    }

    /** The task begins; {@code undo} is what takes it back if it never ends (null: nothing known). */
    void started(Undo undo) {
        journal.append(withUndo(slot.withType(EntryType.STARTED), undo));
    }

    /** The module is about to change the host: journaled before it does. */
    void announce(Undo undo) {
        announcedAny = true;
        if (undo instanceof Undo.Calls calls) {
            announced.addAll(0, calls.calls());
        } else if (undo instanceof Undo.NotNeeded none && announcedReason == null) {
            announcedReason = none.reason();
        }
        journal.append(withUndo(slot.withType(EntryType.PREPARED), announcedUndo()));
    }

    /** Everything the module announced, or null when it announced nothing. */
    Undo announcedUndo() {
        if (!announcedAny) {
            return null;
        }
        return announced.isEmpty() ? Undo.none(announcedReason) : new Undo.Calls(announced);
    }

    /** The task ended without changing the host. */
    void unchanged(String status, String msg) {
        journal.append(slot.withType(EntryType.UNCHANGED).status(status, msg));
    }

    /**
     * The task changed the host, or may have ({@code status} failed or unreachable). A null {@code undo} means
     * none could be had, and {@code problem} says why: the unwind will name it as left.
     */
    void changed(String status, Undo undo, String problem) {
        Entry e = slot.withType(EntryType.CHANGED).status(status, undo == null ? problem : null);
        journal.append(undo == null ? e : withUndo(e, undo));
    }

    /** A handler changed the host past any undo: its own call, to run again once an unwind restored the host. */
    void again(ModuleCall call) {
        journal.append(withUndo(slot.withType(EntryType.AGAIN), new Undo.Calls(List.of(call))));
    }

    private Entry withUndo(Entry e, Undo undo) {
        if (undo == null) {
            return e;
        }
        if (undo instanceof Undo.NotNeeded none) {
            return e.undo(null, none.reason() == null ? "needs no undo" : none.reason(), becomeUser);
        }
        List<ModuleCall> calls = ((Undo.Calls) undo).calls();
        String json = toJson(calls);
        if (noLog || !secrets.redact(json).equals(json)) {
            // the undo needs the secret: keep it in the 0600 backups, not in the journal's text
            return e.undo(null, null, becomeUser).undoRef(backups.save(e.host(), json.getBytes(StandardCharsets.UTF_8)));
        }
        return e.undo(calls, null, becomeUser);
    }

    private static String toJson(List<ModuleCall> calls) {
        try {
            return JSON.writeValueAsString(calls);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
