package dev.unwind.undo;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a journal line records; see {@link Entry} for the fields each one sets. Written in lower case. */
public enum EntryType {
    RUN, LOCKED, STARTED, PREPARED, CHANGED, UNCHANGED, POINT_OF_NO_RETURN, UNDONE, UNDO_FAILED, END,
    /**
     * A handler changed a host in a way no undo takes back (a restart: {@code undo: none}); {@code undo} holds its
     * own call, run once more after an unwind restored the host, so the service restarts on the old configuration.
     * An {@code undone} entry that refers to it says it ran again.
     */
    AGAIN;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EntryType of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** A task's slot begins or advances, but has not ended. */
    public boolean opensSlot() {
        return this == STARTED || this == PREPARED;
    }

    /** A task's slot ended. */
    public boolean closesSlot() {
        return this == CHANGED || this == UNCHANGED;
    }
}
